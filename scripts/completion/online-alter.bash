# Bash completion for online-alter: its subcommands, the long options of the
# subcommand being typed, file names after the options that take a file, and
# the values of --alter-foreign-keys-method.
#
# The options are read from `online-alter [SUBCOMMAND] --help` of the program
# being completed, so the completion knows exactly the options of that build.
# Installed as share/bash-completion/completions/online-alter; to try it from a
# source tree: source scripts/completion/online-alter.bash

# Prints one line per option of `PROGRAM [SUBCOMMAND] --help`:
# "--long|-s|arg" (the short name and "arg" empty when it has none).
_online_alter_options() {
  local line re='^  (-[[:alnum:]] \[ )?(--[[:alnum:]-]+)( \])?( arg)?'
  while IFS= read -r line; do
    [[ $line =~ $re ]] || continue
    printf '%s|%s|%s\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]:0:2}" "${BASH_REMATCH[4]# }"
  done < <("$@" --help 2>/dev/null)
}

# Options whose value is a file or directory name.
_online_alter_takes_file() {
  case $1 in
    *-file | --hook-dir | --socket | --ssl-ca | --ssl-capath | --ssl-cert | --ssl-key | --ssl-crl | \
      --ssl-crlpath) return 0 ;;
  esac
  return 1
}

_online_alter() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=''
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  local program=${COMP_WORDS[0]} subcommand=()
  # Like the program, a subcommand counts only as the first argument.
  if ((COMP_CWORD > 1)); then
    case ${COMP_WORDS[1]} in
      verify | cleanup | history | revert | finalize) subcommand=("${COMP_WORDS[1]}") ;;
    esac
  fi
  COMPREPLY=()

  # The option whose value is being typed: "--opt VALUE", "--opt=VALUE" with
  # "=" a word break (the default), or "--opt=VALUE" as one word.
  local option='' prefix=''
  if [[ $cur == --*=* ]]; then
    option=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}
  elif [[ $cur == = && $prev == --* ]]; then
    option=$prev cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    option=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $prev == -* && $cur != -* ]]; then
    option=$prev
  fi

  local options=() long short arg takes_value=0
  while IFS='|' read -r long short arg; do
    options+=("$long")
    if [[ -n $option && ($option == "$long" || $option == "$short") && $arg == arg ]]; then
      option=$long takes_value=1
    fi
  done < <(_online_alter_options "$program" "${subcommand[@]}")

  local IFS=$'\n'
  if ((takes_value)); then
    if _online_alter_takes_file "$option"; then
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    elif [[ $option == --alter-foreign-keys-method ]]; then
      mapfile -t COMPREPLY < <(compgen -W $'none\nrebuild_constraints' -- "$cur")
    fi
    # Completed as one word "--opt=VALUE": the reply must keep the option.
    [[ -n $prefix ]] && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${options[*]}" -- "$cur")
  elif ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W $'verify\ncleanup\nhistory\nrevert\nfinalize' -- "$cur")
  fi
  return 0
}

complete -F _online_alter online-alter
