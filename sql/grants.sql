-- Privileges for the account online-alter connects as.
--
-- Replace before running (as an administrator):
--   app_db        the schema that holds the tables to change
--   migrator      the account name; '10.0.%' the hosts it connects from
--   change-me     its password (give it to the tool through MYSQL_PWD or a
--                 defaults file, never on the command line)
--
-- Grant these on the schema only, not on *.*: the tool never needs to touch
-- another schema.

CREATE USER IF NOT EXISTS 'migrator'@'10.0.%' IDENTIFIED BY 'change-me';

GRANT
  SELECT,       -- inspect the table; copy and verify its rows
  INSERT,       -- copy rows into the shadow table; the triggers' inserts
  UPDATE,       -- the triggers' writes into the shadow table
  DELETE,       -- the triggers' deletes from the shadow table
  CREATE,       -- CREATE TABLE _t_new LIKE t; RENAME TABLE (target names)
  DROP,         -- drop the shadow table on failure, the old table after the swap;
                -- RENAME TABLE (source names)
  ALTER,        -- apply the requested ALTER to the shadow table; RENAME TABLE
  INDEX,        -- ALTER clauses that add or drop indexes
  TRIGGER,      -- create and drop the capture triggers _t_ins, _t_upd, _t_del
  LOCK TABLES   -- one short LOCK TABLES ... WRITE while the three triggers are created
ON `app_db`.* TO 'migrator'@'10.0.%';

-- PROCESS is a global privilege (it cannot be granted on one schema). It lets the
-- account see the other sessions' activity that the load checks (--max-load,
-- --critical-load) react to, and find, with SHOW PROCESSLIST, the long
-- transaction that an "error: cut-over ..." message asks you to look for.
GRANT PROCESS ON *.* TO 'migrator'@'10.0.%';

-- With the binary log enabled, creating a trigger also needs SUPER, unless the
-- server runs with log_bin_trust_function_creators = ON (the server refuses
-- with error 1419 otherwise). Prefer the server setting to granting SUPER:
--   SET GLOBAL log_bin_trust_function_creators = ON;

-- Check the result:
SHOW GRANTS FOR 'migrator'@'10.0.%';
