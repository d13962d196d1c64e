
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a working example project into DIR')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check gatekit.yaml and report every problem at once')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the project as the target sees it: tables, functions, routes')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of gatekit.yaml (for editors)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'gatekit;init' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The example to start from')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The project''s name (default: the template''s)')
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
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
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what happens (repeat for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colours (also when NO_COLOR is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'gatekit;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a working example project into DIR')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check gatekit.yaml and report every problem at once')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the project as the target sees it: tables, functions, routes')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of gatekit.yaml (for editors)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
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
        'gatekit;help;schema' {
            break
        }
        'gatekit;help;completions' {
            break
        }
        'gatekit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
