
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'gatekit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'gatekit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'gatekit' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a working example project into DIR')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check gatekit.yaml and report every problem at once')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the project as the target sees it: tables, functions, routes')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what deploy would change on the target')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Apply the plan to the target')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Run the app live on the local target: deploy, then apply every saved change, with the functions'' logs')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Open the web console of the target''s tables, functions and APIs (a loopback page; read-only off `local` unless --allow-writes)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Remove everything the project owns on the target')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List what the project has deployed on the target')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('table', 'table', [CompletionResultType]::ParameterValue, 'Read and write table data, with item models enforced')
            [CompletionResult]::new('fn', 'fn', [CompletionResultType]::ParameterValue, 'Functions: list, show, invoke, logs')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'APIs as deployed: list, routes, url')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;init' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The example to start from')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The project''s name (default: the folder''s)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;validate' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;plan' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'Exit 3 when changes are pending (0 when there are none)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;deploy' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before applying (never allows data loss by itself)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before applying (never allows data loss by itself)')
            [CompletionResult]::new('--allow-data-loss', '--allow-data-loss', [CompletionResultType]::ParameterName, 'Allow actions that lose data: deleting or replacing tables')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;dev' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The emulator''s port when none serves the project''s store (default: targets.local.port, else 4566)')
            [CompletionResult]::new('--console-port', '--console-port', [CompletionResultType]::ParameterName, 'The console''s loopback port (default: a free one)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;console' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The console''s loopback port (default: a free one)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--allow-writes', '--allow-writes', [CompletionResultType]::ParameterName, 'Allow writes (putting and deleting items, invoking functions, sending requests other than GET) on a target other than `local`')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;destroy' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (never allows data loss by itself)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (never allows data loss by itself)')
            [CompletionResult]::new('--allow-data-loss', '--allow-data-loss', [CompletionResultType]::ParameterName, 'Allow deleting tables that hold items or are protected')
            [CompletionResult]::new('--keep-logs', '--keep-logs', [CompletionResultType]::ParameterName, 'Keep the deleted functions'' log groups (CloudWatch Logs keeps them otherwise forever)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;status' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;schema' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write it to gatekit.schema.json beside gatekit.yaml instead of printing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;completions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s tables with status, items, size and keys (--all: every table)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Keys, indexes, TTL, billing, tags and the item model of a table')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One item by key: `get todos owner=ann id=42`, or the key as JSON')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Every item, optionally filtered (--where), in parallel segments (--parallel)')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = ''ann''"` (? from --params)')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many items match (a key condition, a filter, or all)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the items that break the table''s item model')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load items from JSON Lines, a JSON array or CSV')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every item as JSON Lines, JSON or CSV')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;table;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every table on the target, not only the project''s')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;describe' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;get' {
            [CompletionResult]::new('--attrs', '--attrs', [CompletionResultType]::ParameterName, 'Only these attributes (comma-separated)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Show DynamoDB JSON instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;put' {
            [CompletionResult]::new('--if', '--if', [CompletionResultType]::ParameterName, 'Write only if this condition holds: --if ''version = 3''')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--if-absent', '--if-absent', [CompletionResultType]::ParameterName, 'Write only if no item has this key')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;update' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set an attribute: ''title = "new"'', ''count = count + 1'', ''n = n - 2''')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add to a number or a set: ''count 1'', ''tags ["a"]''')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove an attribute (or list element): tags, ''items[0]''')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete members from a set: ''tags ["a"]''')
            [CompletionResult]::new('--update-expression', '--update-expression', [CompletionResultType]::ParameterName, 'A raw DynamoDB UpdateExpression (with --names and --values)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames for the raw expression, as JSON')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues for the raw expression, as DynamoDB JSON')
            [CompletionResult]::new('--if', '--if', [CompletionResultType]::ParameterName, 'Write only if this condition holds: --if ''version = 3''')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Update only an item that exists (else: create it from the key)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;delete' {
            [CompletionResult]::new('--if', '--if', [CompletionResultType]::ParameterName, 'Write only if this condition holds: --if ''version = 3''')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;query' {
            [CompletionResult]::new('--key-condition', '--key-condition', [CompletionResultType]::ParameterName, 'A raw DynamoDB KeyConditionExpression (with --names and --values)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter in the condition language: --where ''status = "open"''')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read this index instead of the table')
            [CompletionResult]::new('--attrs', '--attrs', [CompletionResultType]::ParameterName, 'Only these attributes (comma-separated)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw DynamoDB FilterExpression (with --names and --values)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames for raw expressions, as JSON')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (default 25 for people; every item with --all)')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Continue after this key (the JSON printed by the previous page)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--desc', '--desc', [CompletionResultType]::ParameterName, 'Newest first: sort keys descending')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Read every page')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Show DynamoDB JSON instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;scan' {
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Read with N parallel segments')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter in the condition language: --where ''status = "open"''')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read this index instead of the table')
            [CompletionResult]::new('--attrs', '--attrs', [CompletionResultType]::ParameterName, 'Only these attributes (comma-separated)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw DynamoDB FilterExpression (with --names and --values)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames for raw expressions, as JSON')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (default 25 for people; every item with --all)')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Continue after this key (the JSON printed by the previous page)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Read every page')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Show DynamoDB JSON instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;sql' {
            [CompletionResult]::new('--params', '--params', [CompletionResultType]::ParameterName, 'Values for the statement''s `?`s, in order: a JSON array (plain JSON, or DynamoDB JSON with --raw)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items evaluated per page (DynamoDB''s Limit)')
            [CompletionResult]::new('--next', '--next', [CompletionResultType]::ParameterName, 'Continue from this page token (printed by the previous page)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Read every page')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Show (and take --params as) DynamoDB JSON instead of plain JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;count' {
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter in the condition language: --where ''status = "open"''')
            [CompletionResult]::new('--index', '--index', [CompletionResultType]::ParameterName, 'Read this index instead of the table')
            [CompletionResult]::new('--attrs', '--attrs', [CompletionResultType]::ParameterName, 'Only these attributes (comma-separated)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw DynamoDB FilterExpression (with --names and --values)')
            [CompletionResult]::new('--names', '--names', [CompletionResultType]::ParameterName, 'ExpressionAttributeNames for raw expressions, as JSON')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;check' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format (default: from its extension; .csv is CSV, .json a JSON array)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The format (default: from the file''s extension, else JSON Lines)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Scan with this many parallel segments')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;table;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s tables with status, items, size and keys (--all: every table)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Keys, indexes, TTL, billing, tags and the item model of a table')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One item by key: `get todos owner=ann id=42`, or the key as JSON')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Every item, optionally filtered (--where), in parallel segments (--parallel)')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = ''ann''"` (? from --params)')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many items match (a key condition, a filter, or all)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the items that break the table''s item model')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load items from JSON Lines, a JSON array or CSV')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every item as JSON Lines, JSON or CSV')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;table;help;list' {
            break
        }
        'gatekit;table;help;describe' {
            break
        }
        'gatekit;table;help;get' {
            break
        }
        'gatekit;table;help;put' {
            break
        }
        'gatekit;table;help;update' {
            break
        }
        'gatekit;table;help;delete' {
            break
        }
        'gatekit;table;help;query' {
            break
        }
        'gatekit;table;help;scan' {
            break
        }
        'gatekit;table;help;sql' {
            break
        }
        'gatekit;table;help;count' {
            break
        }
        'gatekit;table;help;check' {
            break
        }
        'gatekit;table;help;import' {
            break
        }
        'gatekit;table;help;export' {
            break
        }
        'gatekit;table;help;help' {
            break
        }
        'gatekit;fn' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s functions: runtime, memory, timeout, code size, state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One function: configuration, environment, role, concurrency, log group')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned (as `gatekit invoke fn`)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'A function''s log, from CloudWatch Logs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;fn;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;fn;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;fn;invoke' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The event: JSON, @file, or - for stdin (default: {})')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Invoke asynchronously (InvocationType Event): prints the request id')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'With --event: follow the function''s log for this request until its attempts end (a success, or a failure once its retries are spent); exit 1 if it failed')
            [CompletionResult]::new('--logs', '--logs', [CompletionResultType]::ParameterName, 'Print the tail of the invocation''s log on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;fn;logs' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to start: 30s, 10m, 2h, 1d')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only lines matching this CloudWatch Logs filter pattern')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new lines as they come (Ctrl-C stops)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;fn;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s functions: runtime, memory, timeout, code size, state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One function: configuration, environment, role, concurrency, log group')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned (as `gatekit invoke fn`)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'A function''s log, from CloudWatch Logs')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;fn;help;list' {
            break
        }
        'gatekit;fn;help;show' {
            break
        }
        'gatekit;fn;help;invoke' {
            break
        }
        'gatekit;fn;help;logs' {
            break
        }
        'gatekit;fn;help;help' {
            break
        }
        'gatekit;invoke' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('fn', 'fn', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call a route of a deployed API: [API] METHOD PATH')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;invoke;fn' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The event: JSON, @file, or - for stdin (default: {})')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Invoke asynchronously (InvocationType Event): prints the request id')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'With --event: follow the function''s log for this request until its attempts end (a success, or a failure once its retries are spent); exit 1 if it failed')
            [CompletionResult]::new('--logs', '--logs', [CompletionResultType]::ParameterName, 'Print the tail of the invocation''s log on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;invoke;api' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The body: text or JSON, @file, or - for stdin')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header, `Name: value` (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header, `Name: value` (repeatable)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query parameter, `name=value` (repeatable)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;invoke;help' {
            [CompletionResult]::new('fn', 'fn', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call a route of a deployed API: [API] METHOD PATH')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;invoke;help;fn' {
            break
        }
        'gatekit;invoke;help;api' {
            break
        }
        'gatekit;invoke;help;help' {
            break
        }
        'gatekit;api' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s APIs as deployed: id, stage, URL, routes')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'An API''s routes: method, path, function, full URL')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'An API''s stage URL')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;api;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;api;routes' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;api;url' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;api;docs' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The document''s format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write it to FILE instead of stdout')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;api;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s APIs as deployed: id, stage, URL, routes')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'An API''s routes: method, path, function, full URL')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'An API''s stage URL')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;api;help;list' {
            break
        }
        'gatekit;api;help;routes' {
            break
        }
        'gatekit;api;help;url' {
            break
        }
        'gatekit;api;help;docs' {
            break
        }
        'gatekit;api;help;help' {
            break
        }
        'gatekit;local' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the emulator until Ctrl-C or SIGTERM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether an emulator runs on this store, and where')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete everything in the store')
            [CompletionResult]::new('sdk', 'sdk', [CompletionResultType]::ParameterValue, 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;local;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0 picks a free one) [default: the project''s `targets.local.port`, else 4566]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on; anything but loopback is reachable by other machines')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The store''s folder (default: the project''s, else .gatekit/local)')
            [CompletionResult]::new('--ttl-interval', '--ttl-interval', [CompletionResultType]::ParameterName, 'Seconds between sweeps that delete expired TTL items')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Milliseconds added to every API call, to see how a client fares far from AWS')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'The account''s concurrency limit, shared by functions without reserved concurrency [default: `targets.local.concurrency`, else 1000]')
            [CompletionResult]::new('--retry-delay-ms', '--retry-delay-ms', [CompletionResultType]::ParameterName, 'How long a failed asynchronous invocation waits before its first retry (the second waits twice as long; AWS waits about a minute)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Keep everything in memory (nothing is written to disk)')
            [CompletionResult]::new('--sync', '--sync', [CompletionResultType]::ParameterName, 'fsync every write: survives power loss, at a cost in speed')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;local;status' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The store''s folder (default: the project''s, else .gatekit/local)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;local;reset' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The store''s folder (default: the project''s, else .gatekit/local)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;local;sdk' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Run as if started in DIR')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The project file')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (overrides the target''s)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (overrides the target''s)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)')
            [CompletionResult]::new('--python-only', '--python-only', [CompletionResultType]::ParameterName, 'Only the Python SDK (boto3)')
            [CompletionResult]::new('--node-only', '--node-only', [CompletionResultType]::ParameterName, 'Only the JavaScript SDK (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Exit without running the asynchronous invocations and stream triggers this command caused (the next command or `local serve` on the store runs them)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;local;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the emulator until Ctrl-C or SIGTERM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether an emulator runs on this store, and where')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete everything in the store')
            [CompletionResult]::new('sdk', 'sdk', [CompletionResultType]::ParameterValue, 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;local;help;serve' {
            break
        }
        'gatekit;local;help;status' {
            break
        }
        'gatekit;local;help;reset' {
            break
        }
        'gatekit;local;help;sdk' {
            break
        }
        'gatekit;local;help;help' {
            break
        }
        'gatekit;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a working example project into DIR')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check gatekit.yaml and report every problem at once')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the project as the target sees it: tables, functions, routes')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what deploy would change on the target')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Apply the plan to the target')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Run the app live on the local target: deploy, then apply every saved change, with the functions'' logs')
            [CompletionResult]::new('console', 'console', [CompletionResultType]::ParameterValue, 'Open the web console of the target''s tables, functions and APIs (a loopback page; read-only off `local` unless --allow-writes)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Remove everything the project owns on the target')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List what the project has deployed on the target')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('table', 'table', [CompletionResultType]::ParameterValue, 'Read and write table data, with item models enforced')
            [CompletionResult]::new('fn', 'fn', [CompletionResultType]::ParameterValue, 'Functions: list, show, invoke, logs')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'APIs as deployed: list, routes, url')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;help;init' {
            break
        }
        'gatekit;help;validate' {
            break
        }
        'gatekit;help;show' {
            break
        }
        'gatekit;help;plan' {
            break
        }
        'gatekit;help;deploy' {
            break
        }
        'gatekit;help;dev' {
            break
        }
        'gatekit;help;console' {
            break
        }
        'gatekit;help;destroy' {
            break
        }
        'gatekit;help;status' {
            break
        }
        'gatekit;help;schema' {
            break
        }
        'gatekit;help;completions' {
            break
        }
        'gatekit;help;table' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s tables with status, items, size and keys (--all: every table)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Keys, indexes, TTL, billing, tags and the item model of a table')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One item by key: `get todos owner=ann id=42`, or the key as JSON')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one item by key')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Every item, optionally filtered (--where), in parallel segments (--parallel)')
            [CompletionResult]::new('sql', 'sql', [CompletionResultType]::ParameterValue, 'Run a PartiQL statement: `sql "SELECT * FROM todos WHERE owner = ''ann''"` (? from --params)')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many items match (a key condition, a filter, or all)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'List the items that break the table''s item model')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Load items from JSON Lines, a JSON array or CSV')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every item as JSON Lines, JSON or CSV')
            break
        }
        'gatekit;help;table;list' {
            break
        }
        'gatekit;help;table;describe' {
            break
        }
        'gatekit;help;table;get' {
            break
        }
        'gatekit;help;table;put' {
            break
        }
        'gatekit;help;table;update' {
            break
        }
        'gatekit;help;table;delete' {
            break
        }
        'gatekit;help;table;query' {
            break
        }
        'gatekit;help;table;scan' {
            break
        }
        'gatekit;help;table;sql' {
            break
        }
        'gatekit;help;table;count' {
            break
        }
        'gatekit;help;table;check' {
            break
        }
        'gatekit;help;table;import' {
            break
        }
        'gatekit;help;table;export' {
            break
        }
        'gatekit;help;fn' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s functions: runtime, memory, timeout, code size, state')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One function: configuration, environment, role, concurrency, log group')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned (as `gatekit invoke fn`)')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'A function''s log, from CloudWatch Logs')
            break
        }
        'gatekit;help;fn;list' {
            break
        }
        'gatekit;help;fn;show' {
            break
        }
        'gatekit;help;fn;invoke' {
            break
        }
        'gatekit;help;fn;logs' {
            break
        }
        'gatekit;help;invoke' {
            [CompletionResult]::new('fn', 'fn', [CompletionResultType]::ParameterValue, 'Invoke a function and print what it returned')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Call a route of a deployed API: [API] METHOD PATH')
            break
        }
        'gatekit;help;invoke;fn' {
            break
        }
        'gatekit;help;invoke;api' {
            break
        }
        'gatekit;help;api' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The project''s APIs as deployed: id, stage, URL, routes')
            [CompletionResult]::new('routes', 'routes', [CompletionResultType]::ParameterValue, 'An API''s routes: method, path, function, full URL')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'An API''s stage URL')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them')
            break
        }
        'gatekit;help;api;list' {
            break
        }
        'gatekit;help;api;routes' {
            break
        }
        'gatekit;help;api;url' {
            break
        }
        'gatekit;help;api;docs' {
            break
        }
        'gatekit;help;local' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the emulator until Ctrl-C or SIGTERM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether an emulator runs on this store, and where')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete everything in the store')
            [CompletionResult]::new('sdk', 'sdk', [CompletionResultType]::ParameterValue, 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions')
            break
        }
        'gatekit;help;local;serve' {
            break
        }
        'gatekit;help;local;status' {
            break
        }
        'gatekit;help;local;reset' {
            break
        }
        'gatekit;help;local;sdk' {
            break
        }
        'gatekit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
