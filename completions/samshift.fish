# fish completion for samshift; installed as share/fish/vendor_completions.d/samshift.fish.

set -l commands lint rules rule plan expand lsp help
complete -c samshift -f
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a lint -d 'Check templates'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a rule -d "Show a rule's documentation"
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a plan -d 'Show how each deployment shifts traffic'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a expand -d 'Expand a SAM template'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'Run the language server'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show the help of a command'
complete -c samshift -n "not __fish_seen_subcommand_from $commands" -s V -l version -d 'Show the version'
complete -c samshift -s h -l help -d 'Show help'
complete -c samshift -n "__fish_seen_subcommand_from help" -a "$commands"

set -l writers lint rules rule plan expand
complete -c samshift -n "__fish_seen_subcommand_from $writers" -s o -l output -r -F -d 'Write to FILE'
complete -c samshift -n "__fish_seen_subcommand_from lint" -s f -l format -x -a 'text json sarif junit github'
complete -c samshift -n "__fish_seen_subcommand_from rules" -s f -l format -x -a 'text json markdown man'
complete -c samshift -n "__fish_seen_subcommand_from rule" -s f -l format -x -a 'markdown json'
complete -c samshift -n "__fish_seen_subcommand_from plan" -s f -l format -x -a 'text json svg'
complete -c samshift -n "__fish_seen_subcommand_from expand" -s f -l format -x -a 'json yaml'

complete -c samshift -n "__fish_seen_subcommand_from lint" -F
complete -c samshift -n "__fish_seen_subcommand_from lint" -l color -x -a 'auto always never'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l fail-level -x -a 'error warning info'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l select -x -a '(samshift rules 2>/dev/null | string split -f1 " ")'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l ignore -x -a '(samshift rules 2>/dev/null | string split -f1 " ")'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l config -r -F
complete -c samshift -n "__fish_seen_subcommand_from lint" -l templates-only -d 'Skip files that are not templates'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l include-ignored -d 'Search node_modules, cdk.out and git-ignored paths too'
complete -c samshift -n "__fish_seen_subcommand_from lint" -l report-unused-suppressions
complete -c samshift -n "__fish_seen_subcommand_from lint" -l region -x
complete -c samshift -n "__fish_seen_subcommand_from lint" -l strict-uris -d 'Templates are deployed without sam package'
complete -c samshift -n "__fish_seen_subcommand_from lint" -s j -l jobs -x
complete -c samshift -n "__fish_seen_subcommand_from rule" -x -a '(samshift rules 2>/dev/null | string split -f1 " ")'

complete -c samshift -n "__fish_seen_subcommand_from plan expand" -F
complete -c samshift -n "__fish_seen_subcommand_from plan expand" -l region -x
complete -c samshift -n "__fish_seen_subcommand_from plan expand" -l parameter-overrides -x
complete -c samshift -n "__fish_seen_subcommand_from plan expand" -l error-format -x -a 'text json sarif junit github'
complete -c samshift -n "__fish_seen_subcommand_from expand" -l strict-uris

complete -c samshift -n "__fish_seen_subcommand_from lsp" -l stdio
complete -c samshift -n "__fish_seen_subcommand_from lsp" -l debounce-ms -x
