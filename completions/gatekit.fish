# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_gatekit_global_optspecs
    string join \n C/dir= f/file= t/target= o/output= profile= region= endpoint-url= q/quiet v/verbose no-color no-wait h/help V/version
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
complete -c gatekit -n "__fish_gatekit_needs_command" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_needs_command" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_needs_command" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_needs_command" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_needs_command" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "init" -d 'Write a working example project into DIR'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "validate" -d 'Check gatekit.yaml and report every problem at once'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "show" -d 'Show the project as the target sees it: tables, functions, routes'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "plan" -d 'Show what deploy would change on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "deploy" -d 'Apply the plan to the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "dev" -d 'Run the app live on the local target: deploy, then apply every saved change, with the functions\' logs'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "console" -d 'Open the web console of the target\'s tables, functions and APIs (a loopback page; read-only off `local` unless --allow-writes)'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "destroy" -d 'Remove everything the project owns on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "status" -d 'List what the project has deployed on the target'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "schema" -d 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "table" -d 'Read and write table data, with item models enforced'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "fn" -d 'Functions: list, show, invoke, logs'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "invoke" -d 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "api" -d 'APIs as deployed: list, routes, url'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "local" -d 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk'
complete -c gatekit -n "__fish_gatekit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l template -d 'The example to start from' -r -f -a "todo\t''"
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l name -d 'The project\'s name (default: the folder\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand init" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand validate" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand show" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l detailed-exitcode -d 'Exit 3 when changes are pending (0 when there are none)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand plan" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s y -l yes -d 'Do not ask before applying (never allows data loss by itself)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l allow-data-loss -d 'Allow actions that lose data: deleting or replacing tables'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l port -d 'The emulator\'s port when none serves the project\'s store (default: targets.local.port, else 4566)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l console-port -d 'The console\'s loopback port (default: a free one)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand dev" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l port -d 'The console\'s loopback port (default: a free one)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l allow-writes -d 'Allow writes (putting and deleting items, invoking functions, sending requests other than GET) on a target other than `local`'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l no-open -d 'Do not open a browser'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand console" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s y -l yes -d 'Do not ask (never allows data loss by itself)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l allow-data-loss -d 'Allow deleting tables that hold items or are protected'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l keep-logs -d 'Keep the deleted functions\' log groups (CloudWatch Logs keeps them otherwise forever)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand destroy" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand status" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l write -d 'Write it to gatekit.schema.json beside gatekit.yaml instead of printing it'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand schema" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "list" -d 'The project\'s tables with status, items, size and keys (--all: every table)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "describe" -d 'Keys, indexes, TTL, billing, tags and the item model of a table'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "get" -d 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "put" -d 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "update" -d 'Change attributes of one item: --set \'title = "x"\', --add \'count 1\', --remove tags'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "delete" -d 'Delete one item by key'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "query" -d 'Items by key condition: `query todos \'owner = "ann" and id begins_with "2024-"\'`'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "scan" -d 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "sql" -d 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = \'ann\'"` (? from --params)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "count" -d 'How many items match (a key condition, a filter, or all)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "check" -d 'List the items that break the table\'s item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "import" -d 'Load items from JSON Lines, a JSON array or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "export" -d 'Write every item as JSON Lines, JSON or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and not __fish_seen_subcommand_from list describe get put update delete query scan sql count check import export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l all -d 'Every table on the target, not only the project\'s'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l attrs -d 'Only these attributes (comma-separated)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l raw -d 'Show DynamoDB JSON instead of plain JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l if -d 'Write only if this condition holds: --if \'version = 3\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l if-absent -d 'Write only if no item has this key'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from put" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l set -d 'Set an attribute: \'title = "new"\', \'count = count + 1\', \'n = n - 2\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l add -d 'Add to a number or a set: \'count 1\', \'tags ["a"]\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l remove -d 'Remove an attribute (or list element): tags, \'items[0]\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l delete -d 'Delete members from a set: \'tags ["a"]\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l update-expression -d 'A raw DynamoDB UpdateExpression (with --names and --values)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l names -d 'ExpressionAttributeNames for the raw expression, as JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l values -d 'ExpressionAttributeValues for the raw expression, as DynamoDB JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l if -d 'Write only if this condition holds: --if \'version = 3\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l if-exists -d 'Update only an item that exists (else: create it from the key)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l if -d 'Write only if this condition holds: --if \'version = 3\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l key-condition -d 'A raw DynamoDB KeyConditionExpression (with --names and --values)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l where -d 'A filter in the condition language: --where \'status = "open"\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l index -d 'Read this index instead of the table' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l attrs -d 'Only these attributes (comma-separated)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l filter -d 'A raw DynamoDB FilterExpression (with --names and --values)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l names -d 'ExpressionAttributeNames for raw expressions, as JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l values -d 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l limit -d 'Items per page (default 25 for people; every item with --all)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l start -d 'Continue after this key (the JSON printed by the previous page)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l desc -d 'Newest first: sort keys descending'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l all -d 'Read every page'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l raw -d 'Show DynamoDB JSON instead of plain JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l parallel -d 'Read with N parallel segments' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l where -d 'A filter in the condition language: --where \'status = "open"\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l index -d 'Read this index instead of the table' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l attrs -d 'Only these attributes (comma-separated)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l filter -d 'A raw DynamoDB FilterExpression (with --names and --values)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l names -d 'ExpressionAttributeNames for raw expressions, as JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l values -d 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l limit -d 'Items per page (default 25 for people; every item with --all)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l start -d 'Continue after this key (the JSON printed by the previous page)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l all -d 'Read every page'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l raw -d 'Show DynamoDB JSON instead of plain JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from scan" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l params -d 'Values for the statement\'s `?`s, in order: a JSON array (plain JSON, or DynamoDB JSON with --raw)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l limit -d 'Items evaluated per page (DynamoDB\'s Limit)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l next -d 'Continue from this page token (printed by the previous page)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l all -d 'Read every page'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l raw -d 'Show (and take --params as) DynamoDB JSON instead of plain JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from sql" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l where -d 'A filter in the condition language: --where \'status = "open"\'' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l index -d 'Read this index instead of the table' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l attrs -d 'Only these attributes (comma-separated)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l filter -d 'A raw DynamoDB FilterExpression (with --names and --values)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l names -d 'ExpressionAttributeNames for raw expressions, as JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l values -d 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from count" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l format -d 'The file\'s format (default: from its extension; .csv is CSV, .json a JSON array)' -r -f -a "jsonl\t''
json\t''
csv\t''"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l format -d 'The format (default: from the file\'s extension, else JSON Lines)' -r -f -a "jsonl\t''
json\t''
csv\t''"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l parallel -d 'Scan with this many parallel segments' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "list" -d 'The project\'s tables with status, items, size and keys (--all: every table)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Keys, indexes, TTL, billing, tags and the item model of a table'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "get" -d 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "put" -d 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change attributes of one item: --set \'title = "x"\', --add \'count 1\', --remove tags'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one item by key'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "query" -d 'Items by key condition: `query todos \'owner = "ann" and id begins_with "2024-"\'`'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "sql" -d 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = \'ann\'"` (? from --params)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "count" -d 'How many items match (a key condition, a filter, or all)'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "check" -d 'List the items that break the table\'s item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "import" -d 'Load items from JSON Lines, a JSON array or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every item as JSON Lines, JSON or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand table; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -f -a "list" -d 'The project\'s functions: runtime, memory, timeout, code size, state'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -f -a "show" -d 'One function: configuration, environment, role, concurrency, log group'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -f -a "invoke" -d 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -f -a "logs" -d 'A function\'s log, from CloudWatch Logs'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and not __fish_seen_subcommand_from list show invoke logs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l payload -d 'The event: JSON, @file, or - for stdin (default: {})' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l event -d 'Invoke asynchronously (InvocationType Event): prints the request id'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l wait -d 'With --event: follow the function\'s log for this request until its attempts end (a success, or a failure once its retries are spent); exit 1 if it failed'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l logs -d 'Print the tail of the invocation\'s log on stderr'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from invoke" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l since -d 'How far back to start: 30s, 10m, 2h, 1d' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l filter -d 'Only lines matching this CloudWatch Logs filter pattern' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l follow -d 'Keep printing new lines as they come (Ctrl-C stops)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from help" -f -a "list" -d 'The project\'s functions: runtime, memory, timeout, code size, state'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from help" -f -a "show" -d 'One function: configuration, environment, role, concurrency, log group'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from help" -f -a "invoke" -d 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from help" -f -a "logs" -d 'A function\'s log, from CloudWatch Logs'
complete -c gatekit -n "__fish_gatekit_using_subcommand fn; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -f -a "fn" -d 'Invoke a function and print what it returned'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -f -a "api" -d 'Call a route of a deployed API: [API] METHOD PATH'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and not __fish_seen_subcommand_from fn api help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l payload -d 'The event: JSON, @file, or - for stdin (default: {})' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l event -d 'Invoke asynchronously (InvocationType Event): prints the request id'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l wait -d 'With --event: follow the function\'s log for this request until its attempts end (a success, or a failure once its retries are spent); exit 1 if it failed'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l logs -d 'Print the tail of the invocation\'s log on stderr'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from fn" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l data -d 'The body: text or JSON, @file, or - for stdin' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s H -l header -d 'A header, `Name: value` (repeatable)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l query -d 'A query parameter, `name=value` (repeatable)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from api" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from help" -f -a "fn" -d 'Invoke a function and print what it returned'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from help" -f -a "api" -d 'Call a route of a deployed API: [API] METHOD PATH'
complete -c gatekit -n "__fish_gatekit_using_subcommand invoke; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -f -a "list" -d 'The project\'s APIs as deployed: id, stage, URL, routes'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -f -a "routes" -d 'An API\'s routes: method, path, function, full URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -f -a "url" -d 'An API\'s stage URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -f -a "docs" -d 'An API\'s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and not __fish_seen_subcommand_from list routes url docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from routes" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from url" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l format -d 'The document\'s format' -r -f -a "openapi-json\t''
openapi-yaml\t''
html\t'One HTML page, no outside assets: hand it to the API\'s users'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l out -d 'Write it to FILE instead of stdout' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from docs" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "list" -d 'The project\'s APIs as deployed: id, stage, URL, routes'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "routes" -d 'An API\'s routes: method, path, function, full URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "url" -d 'An API\'s stage URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "docs" -d 'An API\'s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
complete -c gatekit -n "__fish_gatekit_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -f -a "reset" -d 'Delete everything in the store'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -f -a "sdk" -d 'Install the AWS SDKs that Lambda\'s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and not __fish_seen_subcommand_from serve status reset sdk help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l port -d 'Port to listen on (0 picks a free one) [default: the project\'s `targets.local.port`, else 4566]' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l host -d 'Address to listen on; anything but loopback is reachable by other machines' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l data-dir -d 'The store\'s folder (default: the project\'s, else .gatekit/local)' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l ttl-interval -d 'Seconds between sweeps that delete expired TTL items' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l latency-ms -d 'Milliseconds added to every API call, to see how a client fares far from AWS' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l concurrency -d 'The account\'s concurrency limit, shared by functions without reserved concurrency [default: `targets.local.concurrency`, else 1000]' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l retry-delay-ms -d 'How long a failed asynchronous invocation waits before its first retry (the second waits twice as long; AWS waits about a minute)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l in-memory -d 'Keep everything in memory (nothing is written to disk)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l sync -d 'fsync every write: survives power loss, at a cost in speed'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from serve" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
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
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from status" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
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
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l yes -d 'Do not ask'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s C -l dir -d 'Run as if started in DIR' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s f -l file -d 'The project file' -r -F
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s t -l target -d 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml\'s targets' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s o -l output -d 'Output format' -r -f -a "table\t'Tables and sentences for people'
json\t'JSON for scripts (shapes in docs/json-output.md)'"
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l profile -d 'AWS profile (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l region -d 'AWS region (overrides the target\'s)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l endpoint-url -d 'AWS-compatible endpoint (overrides the target\'s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)' -r
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l python-only -d 'Only the Python SDK (boto3)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l node-only -d 'Only the JavaScript SDK (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s q -l quiet -d 'Print only results and errors'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s v -l verbose -d 'Say more about what happens (repeat for more)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l no-color -d 'No colours (also when NO_COLOR is set)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -l no-wait -d 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from sdk" -s V -l version -d 'Print version'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete everything in the store'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "sdk" -d 'Install the AWS SDKs that Lambda\'s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
complete -c gatekit -n "__fish_gatekit_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "init" -d 'Write a working example project into DIR'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "validate" -d 'Check gatekit.yaml and report every problem at once'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "show" -d 'Show the project as the target sees it: tables, functions, routes'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "plan" -d 'Show what deploy would change on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "deploy" -d 'Apply the plan to the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "dev" -d 'Run the app live on the local target: deploy, then apply every saved change, with the functions\' logs'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "console" -d 'Open the web console of the target\'s tables, functions and APIs (a loopback page; read-only off `local` unless --allow-writes)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "destroy" -d 'Remove everything the project owns on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "status" -d 'List what the project has deployed on the target'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "schema" -d 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "completions" -d 'Print shell completions'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "table" -d 'Read and write table data, with item models enforced'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "fn" -d 'Functions: list, show, invoke, logs'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "invoke" -d 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "api" -d 'APIs as deployed: list, routes, url'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "local" -d 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and not __fish_seen_subcommand_from init validate show plan deploy dev console destroy status schema completions table fn invoke api local help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "list" -d 'The project\'s tables with status, items, size and keys (--all: every table)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "describe" -d 'Keys, indexes, TTL, billing, tags and the item model of a table'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "get" -d 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "put" -d 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "update" -d 'Change attributes of one item: --set \'title = "x"\', --add \'count 1\', --remove tags'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "delete" -d 'Delete one item by key'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "query" -d 'Items by key condition: `query todos \'owner = "ann" and id begins_with "2024-"\'`'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "scan" -d 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "sql" -d 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = \'ann\'"` (? from --params)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "count" -d 'How many items match (a key condition, a filter, or all)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "check" -d 'List the items that break the table\'s item model'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "import" -d 'Load items from JSON Lines, a JSON array or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from table" -f -a "export" -d 'Write every item as JSON Lines, JSON or CSV'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from fn" -f -a "list" -d 'The project\'s functions: runtime, memory, timeout, code size, state'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from fn" -f -a "show" -d 'One function: configuration, environment, role, concurrency, log group'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from fn" -f -a "invoke" -d 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from fn" -f -a "logs" -d 'A function\'s log, from CloudWatch Logs'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from invoke" -f -a "fn" -d 'Invoke a function and print what it returned'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from invoke" -f -a "api" -d 'Call a route of a deployed API: [API] METHOD PATH'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "list" -d 'The project\'s APIs as deployed: id, stage, URL, routes'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "routes" -d 'An API\'s routes: method, path, function, full URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "url" -d 'An API\'s stage URL'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "docs" -d 'An API\'s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "serve" -d 'Run the emulator until Ctrl-C or SIGTERM'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "status" -d 'Say whether an emulator runs on this store, and where'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "reset" -d 'Delete everything in the store'
complete -c gatekit -n "__fish_gatekit_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "sdk" -d 'Install the AWS SDKs that Lambda\'s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
