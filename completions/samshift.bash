# bash completion for samshift                                       -*- shell-script -*-
# Installed as share/bash-completion/completions/samshift.

_samshift() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  }
  local commands="lint rules rule plan expand lsp help"
  if [ "$cword" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
    return
  fi
  local command="${words[1]}"
  case "$prev" in
    -f | --format)
      case "$command" in
        lint) COMPREPLY=($(compgen -W "text json sarif junit github" -- "$cur")) ;;
        rules) COMPREPLY=($(compgen -W "text json markdown man" -- "$cur")) ;;
        rule) COMPREPLY=($(compgen -W "markdown json" -- "$cur")) ;;
        plan) COMPREPLY=($(compgen -W "text json svg" -- "$cur")) ;;
        expand) COMPREPLY=($(compgen -W "json yaml" -- "$cur")) ;;
      esac
      return ;;
    --error-format) COMPREPLY=($(compgen -W "text json sarif junit github" -- "$cur")); return ;;
    --color | --colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-level) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
    --select | --ignore | rule)
      COMPREPLY=($(compgen -W "$(samshift rules 2>/dev/null | awk '{print $1, $3}')" -- "$cur"))
      return ;;
    -o | --output | --config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j | --jobs | --region | --parameter-overrides | --debounce-ms) return ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
  esac
  local options
  case "$command" in
    lint) options="-f --format -o --output --color --fail-level --select --ignore --config
      --templates-only --region --strict-uris --include-ignored --report-unused-suppressions
      -j --jobs -h --help" ;;
    rules) options="-f --format -o --output -h --help" ;;
    rule) options="-f --format -o --output -h --help" ;;
    plan) options="-f --format -o --output --region --parameter-overrides --error-format -h --help" ;;
    expand) options="-f --format -o --output --region --parameter-overrides --strict-uris
      --error-format -h --help" ;;
    lsp) options="--stdio --debounce-ms -h --help" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _samshift samshift
