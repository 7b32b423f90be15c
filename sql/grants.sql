-- Privileges for the account online-alter connects as.
--
-- Replace before running (as an administrator):
--   app_db        the schema that holds the tables to change
--   '%'           the hosts the account connects from (narrow it, e.g. '10.0.%')
--   change-me     its password (give it to the tool through MYSQL_PWD,
--                 --defaults-file, ~/.my.cnf or --ask-pass, never on the
--                 command line)
--
-- Grant these on the schema only, not on *.*: the tool never needs to touch
-- another schema. A grant on single tables is not enough: the tool creates
-- tables of its own next to the table it changes. Before it creates anything,
-- a migration checks that the account holds every privilege of the GRANT
-- below (globally or on the schema) and refuses, naming what is missing,
-- otherwise. Privileges that come through a role are not visible to that
-- check: with a role active it does not refuse.

CREATE USER IF NOT EXISTS 'online_alter'@'%' IDENTIFIED BY 'change-me';

GRANT
  SELECT,       -- inspect the table; copy and verify its rows; read the change
                -- log; cleanup and verify find the objects they look for
  INSERT,       -- copy rows into the shadow table; the triggers append keys to
                -- the change log; the checkpoint; ANALYZE TABLE of the shadow
  UPDATE,       -- the copy's no-op ON DUPLICATE KEY UPDATE; the checkpoint
  DELETE,       -- applying logged changes deletes from the shadow table and
                -- the change log
  CREATE,       -- CREATE TABLE _t_new LIKE t; the change log and the
                -- checkpoint tables; RENAME TABLE (target names)
  DROP,         -- drop the shadow table, the change log and the checkpoint on
                -- failure, the old table after the swap; RENAME TABLE (source
                -- names); cleanup drops what a stopped run left
  ALTER,        -- apply the requested ALTER to the shadow table; RENAME TABLE
  INDEX,        -- ALTER clauses that add or drop indexes; indexes added after
                -- the copy
  TRIGGER,      -- create and drop the capture triggers; cleanup drops them
  LOCK TABLES   -- short LOCK TABLES ... WRITE while the triggers are created,
                -- while they are dropped, and at the cut-over
ON `app_db`.* TO 'online_alter'@'%';

-- What the other commands need of the same grant:
--   online-alter verify   SELECT only (it reads both tables in one snapshot).
--   online-alter cleanup  SELECT, DROP, TRIGGER and LOCK TABLES (it drops the
--                         triggers inside a short LOCK TABLES, then tables).
-- An account for verify alone: GRANT SELECT ON `app_db`.* TO ...

-- The triggers run with the privileges of the account that created them: keep
-- this account and its grants until the migration has ended.

-- No global privilege is needed. The load checks (--max-load,
-- --critical-load) read global status variables, which any account may. At
-- the cut-over the tool watches its own RENAME TABLE session in the process
-- list and, if that does not queue in time, stops it with KILL QUERY; an
-- account sees and kills its own sessions without PROCESS or SUPER. To find
-- the long transaction that an "error: could not take the locks for the
-- swap ..." message asks you to look for, use an account that sees every
-- session in SHOW PROCESSLIST (one with PROCESS).

-- With the binary log enabled, creating a trigger also needs SUPER, unless the
-- server runs with log_bin_trust_function_creators = ON (the server refuses
-- with error 1419 otherwise). Prefer the server setting to granting SUPER:
--   SET GLOBAL log_bin_trust_function_creators = ON;

-- Replicas (the lag the copy waits for). On the primary, to find them:
--   GRANT REPLICATION MASTER ADMIN ON *.* TO 'online_alter'@'%';  -- SHOW SLAVE HOSTS (MariaDB)
-- (MySQL: REPLICATION SLAVE). Without it, name the replicas with --replica.
-- On each replica the same account (it arrives there through replication) also
-- needs, to tell a stopped replica from a slow one:
--   GRANT SLAVE MONITOR ON *.* TO 'online_alter'@'%';  -- MariaDB; MySQL: REPLICATION CLIENT
-- and SELECT on the schema, which the grant above gives: the tool reads its
-- heartbeat table there.

-- To require TLS of the account (see --ssl-mode):
--   ALTER USER 'online_alter'@'%' REQUIRE SSL;

-- Check the result:
SHOW GRANTS FOR 'online_alter'@'%';

