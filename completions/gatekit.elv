
use builtin;
use str;

set edit:completion:arg-completer[gatekit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'gatekit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'gatekit'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a working example project into DIR'
            cand validate 'Check gatekit.yaml and report every problem at once'
            cand show 'Show the project as the target sees it: tables, functions, routes'
            cand plan 'Show what deploy would change on the target'
            cand deploy 'Apply the plan to the target'
            cand destroy 'Remove everything the project owns on the target'
            cand status 'List what the project has deployed on the target'
            cand schema 'Print the JSON Schema of gatekit.yaml (for editors)'
            cand completions 'Print shell completions'
            cand local 'The embedded emulator of DynamoDB (more AWS services to come)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;init'= {
            cand --template 'The example to start from'
            cand --name 'The project''s name (default: the template''s)'
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;validate'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;show'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;plan'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand --detailed-exitcode 'Exit 3 when changes are pending (0 when there are none)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;deploy'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -y 'Do not ask before applying (never allows data loss by itself)'
            cand --yes 'Do not ask before applying (never allows data loss by itself)'
            cand --allow-data-loss 'Allow actions that lose data: deleting or replacing tables'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;destroy'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -y 'Do not ask (never allows data loss by itself)'
            cand --yes 'Do not ask (never allows data loss by itself)'
            cand --allow-data-loss 'Allow deleting tables that hold items or are protected'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;status'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;schema'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;completions'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;local'= {
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the emulator until Ctrl-C or SIGTERM'
            cand status 'Say whether an emulator runs on this store, and where'
            cand reset 'Delete everything in the store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;local;serve'= {
            cand --port 'Port to listen on (0 picks a free one)'
            cand --host 'Address to listen on; anything but loopback is reachable by other machines'
            cand --data-dir 'The store''s folder (default: the project''s, else .gatekit/local)'
            cand --ttl-interval 'Seconds between sweeps that delete expired TTL items'
            cand --latency-ms 'Milliseconds added to every API call, to see how a client fares far from AWS'
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand --in-memory 'Keep everything in memory (nothing is written to disk)'
            cand --sync 'fsync every write: survives power loss, at a cost in speed'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;local;status'= {
            cand --data-dir 'The store''s folder (default: the project''s, else .gatekit/local)'
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;local;reset'= {
            cand --data-dir 'The store''s folder (default: the project''s, else .gatekit/local)'
            cand -C 'Run as if started in DIR'
            cand --dir 'Run as if started in DIR'
            cand -f 'The project file'
            cand --file 'The project file'
            cand -t 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand --target 'The target to work on: `local` (the embedded emulator) or one of gatekit.yaml''s targets'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'AWS profile (overrides the target''s)'
            cand --region 'AWS region (overrides the target''s)'
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; ignored by `local`)'
            cand --yes 'Do not ask'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'gatekit;local;help'= {
            cand serve 'Run the emulator until Ctrl-C or SIGTERM'
            cand status 'Say whether an emulator runs on this store, and where'
            cand reset 'Delete everything in the store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;local;help;serve'= {
        }
        &'gatekit;local;help;status'= {
        }
        &'gatekit;local;help;reset'= {
        }
        &'gatekit;local;help;help'= {
        }
        &'gatekit;help'= {
            cand init 'Write a working example project into DIR'
            cand validate 'Check gatekit.yaml and report every problem at once'
            cand show 'Show the project as the target sees it: tables, functions, routes'
            cand plan 'Show what deploy would change on the target'
            cand deploy 'Apply the plan to the target'
            cand destroy 'Remove everything the project owns on the target'
            cand status 'List what the project has deployed on the target'
            cand schema 'Print the JSON Schema of gatekit.yaml (for editors)'
            cand completions 'Print shell completions'
            cand local 'The embedded emulator of DynamoDB (more AWS services to come)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;help;init'= {
        }
        &'gatekit;help;validate'= {
        }
        &'gatekit;help;show'= {
        }
        &'gatekit;help;plan'= {
        }
        &'gatekit;help;deploy'= {
        }
        &'gatekit;help;destroy'= {
        }
        &'gatekit;help;status'= {
        }
        &'gatekit;help;schema'= {
        }
        &'gatekit;help;completions'= {
        }
        &'gatekit;help;local'= {
            cand serve 'Run the emulator until Ctrl-C or SIGTERM'
            cand status 'Say whether an emulator runs on this store, and where'
            cand reset 'Delete everything in the store'
        }
        &'gatekit;help;local;serve'= {
        }
        &'gatekit;help;local;status'= {
        }
        &'gatekit;help;local;reset'= {
        }
        &'gatekit;help;help'= {
        }
    ]
    $completions[$command]
}
