# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_gatekit_global_optspecs
    string join \n C/dir= f/file= t/target= o/output= profile= region= endpoint-url= q/quiet v/verbose no-color h/help V/version
end

function __fish_gatekit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_gatekit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_gatekit_using_subcommand
    set -l cmd (__fish_gatekit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c gatekit -n "__fish_gatekit_needs_command" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_needs_command" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_needs_command" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_needs_command" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_needs_command" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_needs_command" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_needs_command" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_needs_command" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_needs_command" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "init" -d 'Write a working example project into DIR'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "validate" -d 'Check gatekit.yaml and report every problem at once'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "show" -d 'Show the project as the target sees it: tables, functions, routes'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "plan" -d 'Show what deploy would change on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "deploy" -d 'Apply the plan to the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "destroy" -d 'Remove everything the project owns on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "status" -d 'List what the project has deployed on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "schema" -d 'Print the JSON Schema of gatekit.yaml (for editors)'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "local" -d 'The embedded emulator of DynamoDB (more AWS services to come)'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l template -d 'The example to start from' -r -f -a "todo\t''"
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l name -d 'The project\'s name (default: the template\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l detailed-exitcode -d 'Exit 3 when changes are pending (0 when there are none)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s y -l yes -d 'Do not ask before applying (never allows data loss by itself)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l allow-data-loss -d 'Allow actions that lose data: deleting or replacing tables'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s y -l yes -d 'Do not ask (never allows data loss by itself)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l allow-data-loss -d 'Allow deleting tables that hold items or are protected'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -f -a "reset" -d 'Delete everything in the store'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l port -d 'Port to listen on (0 picks a free one)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l host -d 'Address to listen on; anything but loopback is reachable by other machines' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l data-dir -d 'The store\'s folder (default: the project\'s, else .gatekit/local)' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l ttl-interval -d 'Seconds between sweeps that delete expired TTL items' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l latency-ms -d 'Milliseconds added to every API call, to see how a client fares far from AWS' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l in-memory -d 'Keep everything in memory (nothing is written to disk)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l sync -d 'fsync every write: survives power loss, at a cost in speed'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l data-dir -d 'The store\'s folder (default: the project\'s, else .gatekit/local)' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l data-dir -d 'The store\'s folder (default: the project\'s, else .gatekit/local)' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; ignored by `local`)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l yes -d 'Do not ask'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete everything in the store'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "init" -d 'Write a working example project into DIR'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "validate" -d 'Check gatekit.yaml and report every problem at once'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "show" -d 'Show the project as the target sees it: tables, functions, routes'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "plan" -d 'Show what deploy would change on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "deploy" -d 'Apply the plan to the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "destroy" -d 'Remove everything the project owns on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "status" -d 'List what the project has deployed on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "schema" -d 'Print the JSON Schema of gatekit.yaml (for editors)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "completions" -d 'Print shell completions'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "local" -d 'The embedded emulator of DynamoDB (more AWS services to come)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy destroy status schema completions local help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "reset" -d 'Delete everything in the store'
