
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand schema 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file'
            cand completions 'Print shell completions'
            cand table 'Read and write table data, with item models enforced'
            cand fn 'Functions: list, show, invoke, logs'
            cand invoke 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`'
            cand api 'APIs as deployed: list, routes, url'
            cand local 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;init'= {
            cand --template 'The example to start from'
            cand --name 'The project''s name (default: the folder''s)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand -y 'Do not ask (never allows data loss by itself)'
            cand --yes 'Do not ask (never allows data loss by itself)'
            cand --allow-data-loss 'Allow deleting tables that hold items or are protected'
            cand --keep-logs 'Keep the deleted functions'' log groups (CloudWatch Logs keeps them otherwise forever)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --write 'Write it to gatekit.schema.json beside gatekit.yaml instead of printing it'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The project''s tables with status, items, size and keys (--all: every table)'
            cand describe 'Keys, indexes, TTL, billing, tags and the item model of a table'
            cand get 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
            cand put 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
            cand update 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags'
            cand delete 'Delete one item by key'
            cand query 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`'
            cand scan 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
            cand count 'How many items match (a key condition, a filter, or all)'
            cand check 'List the items that break the table''s item model'
            cand import 'Load items from JSON Lines, a JSON array or CSV'
            cand export 'Write every item as JSON Lines, JSON or CSV'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;table;list'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --all 'Every table on the target, not only the project''s'
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
        &'gatekit;table;describe'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;get'= {
            cand --attrs 'Only these attributes (comma-separated)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --raw 'Show DynamoDB JSON instead of plain JSON'
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
        &'gatekit;table;put'= {
            cand --if 'Write only if this condition holds: --if ''version = 3'''
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --if-absent 'Write only if no item has this key'
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
        &'gatekit;table;update'= {
            cand --set 'Set an attribute: ''title = "new"'', ''count = count + 1'', ''n = n - 2'''
            cand --add 'Add to a number or a set: ''count 1'', ''tags ["a"]'''
            cand --remove 'Remove an attribute (or list element): tags, ''items[0]'''
            cand --delete 'Delete members from a set: ''tags ["a"]'''
            cand --update-expression 'A raw DynamoDB UpdateExpression (with --names and --values)'
            cand --names 'ExpressionAttributeNames for the raw expression, as JSON'
            cand --values 'ExpressionAttributeValues for the raw expression, as DynamoDB JSON'
            cand --if 'Write only if this condition holds: --if ''version = 3'''
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --if-exists 'Update only an item that exists (else: create it from the key)'
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
        &'gatekit;table;delete'= {
            cand --if 'Write only if this condition holds: --if ''version = 3'''
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;query'= {
            cand --key-condition 'A raw DynamoDB KeyConditionExpression (with --names and --values)'
            cand --where 'A filter in the condition language: --where ''status = "open"'''
            cand --index 'Read this index instead of the table'
            cand --attrs 'Only these attributes (comma-separated)'
            cand --filter 'A raw DynamoDB FilterExpression (with --names and --values)'
            cand --names 'ExpressionAttributeNames for raw expressions, as JSON'
            cand --values 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON'
            cand --limit 'Items per page (default 25 for people; every item with --all)'
            cand --start 'Continue after this key (the JSON printed by the previous page)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --desc 'Newest first: sort keys descending'
            cand --all 'Read every page'
            cand --raw 'Show DynamoDB JSON instead of plain JSON'
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
        &'gatekit;table;scan'= {
            cand --parallel 'Read with N parallel segments'
            cand --where 'A filter in the condition language: --where ''status = "open"'''
            cand --index 'Read this index instead of the table'
            cand --attrs 'Only these attributes (comma-separated)'
            cand --filter 'A raw DynamoDB FilterExpression (with --names and --values)'
            cand --names 'ExpressionAttributeNames for raw expressions, as JSON'
            cand --values 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON'
            cand --limit 'Items per page (default 25 for people; every item with --all)'
            cand --start 'Continue after this key (the JSON printed by the previous page)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --all 'Read every page'
            cand --raw 'Show DynamoDB JSON instead of plain JSON'
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
        &'gatekit;table;count'= {
            cand --where 'A filter in the condition language: --where ''status = "open"'''
            cand --index 'Read this index instead of the table'
            cand --attrs 'Only these attributes (comma-separated)'
            cand --filter 'A raw DynamoDB FilterExpression (with --names and --values)'
            cand --names 'ExpressionAttributeNames for raw expressions, as JSON'
            cand --values 'ExpressionAttributeValues for raw expressions, as DynamoDB JSON'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;check'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;import'= {
            cand --format 'The file''s format (default: from its extension; .csv is CSV, .json a JSON array)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;export'= {
            cand --format 'The format (default: from the file''s extension, else JSON Lines)'
            cand --parallel 'Scan with this many parallel segments'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;table;help'= {
            cand list 'The project''s tables with status, items, size and keys (--all: every table)'
            cand describe 'Keys, indexes, TTL, billing, tags and the item model of a table'
            cand get 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
            cand put 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
            cand update 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags'
            cand delete 'Delete one item by key'
            cand query 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`'
            cand scan 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
            cand count 'How many items match (a key condition, a filter, or all)'
            cand check 'List the items that break the table''s item model'
            cand import 'Load items from JSON Lines, a JSON array or CSV'
            cand export 'Write every item as JSON Lines, JSON or CSV'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;table;help;list'= {
        }
        &'gatekit;table;help;describe'= {
        }
        &'gatekit;table;help;get'= {
        }
        &'gatekit;table;help;put'= {
        }
        &'gatekit;table;help;update'= {
        }
        &'gatekit;table;help;delete'= {
        }
        &'gatekit;table;help;query'= {
        }
        &'gatekit;table;help;scan'= {
        }
        &'gatekit;table;help;count'= {
        }
        &'gatekit;table;help;check'= {
        }
        &'gatekit;table;help;import'= {
        }
        &'gatekit;table;help;export'= {
        }
        &'gatekit;table;help;help'= {
        }
        &'gatekit;fn'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The project''s functions: runtime, memory, timeout, code size, state'
            cand show 'One function: configuration, environment, role, concurrency, log group'
            cand invoke 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
            cand logs 'A function''s log, from CloudWatch Logs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;fn;list'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;fn;show'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;fn;invoke'= {
            cand --payload 'The event: JSON, @file, or - for stdin (default: {})'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --event 'Invoke asynchronously (InvocationType Event): prints the request id'
            cand --logs 'Print the tail of the invocation''s log on stderr'
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
        &'gatekit;fn;logs'= {
            cand --since 'How far back to start: 30s, 10m, 2h, 1d'
            cand --filter 'Only lines matching this CloudWatch Logs filter pattern'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --follow 'Keep printing new lines as they come (Ctrl-C stops)'
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
        &'gatekit;fn;help'= {
            cand list 'The project''s functions: runtime, memory, timeout, code size, state'
            cand show 'One function: configuration, environment, role, concurrency, log group'
            cand invoke 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
            cand logs 'A function''s log, from CloudWatch Logs'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;fn;help;list'= {
        }
        &'gatekit;fn;help;show'= {
        }
        &'gatekit;fn;help;invoke'= {
        }
        &'gatekit;fn;help;logs'= {
        }
        &'gatekit;fn;help;help'= {
        }
        &'gatekit;invoke'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand fn 'Invoke a function and print what it returned'
            cand api 'Call a route of a deployed API: [API] METHOD PATH'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;invoke;fn'= {
            cand --payload 'The event: JSON, @file, or - for stdin (default: {})'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --event 'Invoke asynchronously (InvocationType Event): prints the request id'
            cand --logs 'Print the tail of the invocation''s log on stderr'
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
        &'gatekit;invoke;api'= {
            cand --data 'The body: text or JSON, @file, or - for stdin'
            cand -H 'A header, `Name: value` (repeatable)'
            cand --header 'A header, `Name: value` (repeatable)'
            cand --query 'A query parameter, `name=value` (repeatable)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;invoke;help'= {
            cand fn 'Invoke a function and print what it returned'
            cand api 'Call a route of a deployed API: [API] METHOD PATH'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;invoke;help;fn'= {
        }
        &'gatekit;invoke;help;api'= {
        }
        &'gatekit;invoke;help;help'= {
        }
        &'gatekit;api'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Say more about what happens (repeat for more)'
            cand --verbose 'Say more about what happens (repeat for more)'
            cand --no-color 'No colours (also when NO_COLOR is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The project''s APIs as deployed: id, stage, URL, routes'
            cand routes 'An API''s routes: method, path, function, full URL'
            cand url 'An API''s stage URL'
            cand docs 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;api;list'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;api;routes'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;api;url'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;api;docs'= {
            cand --format 'The document''s format'
            cand --out 'Write it to FILE instead of stdout'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;api;help'= {
            cand list 'The project''s APIs as deployed: id, stage, URL, routes'
            cand routes 'An API''s routes: method, path, function, full URL'
            cand url 'An API''s stage URL'
            cand docs 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;api;help;list'= {
        }
        &'gatekit;api;help;routes'= {
        }
        &'gatekit;api;help;url'= {
        }
        &'gatekit;api;help;docs'= {
        }
        &'gatekit;api;help;help'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand sdk 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;local;serve'= {
            cand --port 'Port to listen on (0 picks a free one) [default: the project''s `targets.local.port`, else 4566]'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
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
        &'gatekit;local;sdk'= {
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
            cand --endpoint-url 'AWS-compatible endpoint (overrides the target''s; without -t, an ad-hoc AWS target at this URL, region and credentials from the AWS environment)'
            cand --python-only 'Only the Python SDK (boto3)'
            cand --node-only 'Only the JavaScript SDK (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)'
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
            cand sdk 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'gatekit;local;help;serve'= {
        }
        &'gatekit;local;help;status'= {
        }
        &'gatekit;local;help;reset'= {
        }
        &'gatekit;local;help;sdk'= {
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
            cand schema 'Print the JSON Schema of gatekit.yaml (for editors), or --write it beside the file'
            cand completions 'Print shell completions'
            cand table 'Read and write table data, with item models enforced'
            cand fn 'Functions: list, show, invoke, logs'
            cand invoke 'Invoke what runs: `invoke fn NAME`, `invoke api GET /path`'
            cand api 'APIs as deployed: list, routes, url'
            cand local 'The embedded emulator (DynamoDB, Lambda, IAM, CloudWatch Logs): serve, status, reset, sdk'
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
        &'gatekit;help;table'= {
            cand list 'The project''s tables with status, items, size and keys (--all: every table)'
            cand describe 'Keys, indexes, TTL, billing, tags and the item model of a table'
            cand get 'One item by key: `get todos owner=ann id=42`, or the key as JSON'
            cand put 'Write items (JSON, @file, - for stdin; JSON Lines for many), checked by the item model'
            cand update 'Change attributes of one item: --set ''title = "x"'', --add ''count 1'', --remove tags'
            cand delete 'Delete one item by key'
            cand query 'Items by key condition: `query todos ''owner = "ann" and id begins_with "2024-"''`'
            cand scan 'Every item, optionally filtered (--where), in parallel segments (--parallel)'
            cand count 'How many items match (a key condition, a filter, or all)'
            cand check 'List the items that break the table''s item model'
            cand import 'Load items from JSON Lines, a JSON array or CSV'
            cand export 'Write every item as JSON Lines, JSON or CSV'
        }
        &'gatekit;help;table;list'= {
        }
        &'gatekit;help;table;describe'= {
        }
        &'gatekit;help;table;get'= {
        }
        &'gatekit;help;table;put'= {
        }
        &'gatekit;help;table;update'= {
        }
        &'gatekit;help;table;delete'= {
        }
        &'gatekit;help;table;query'= {
        }
        &'gatekit;help;table;scan'= {
        }
        &'gatekit;help;table;count'= {
        }
        &'gatekit;help;table;check'= {
        }
        &'gatekit;help;table;import'= {
        }
        &'gatekit;help;table;export'= {
        }
        &'gatekit;help;fn'= {
            cand list 'The project''s functions: runtime, memory, timeout, code size, state'
            cand show 'One function: configuration, environment, role, concurrency, log group'
            cand invoke 'Invoke a function and print what it returned (as `gatekit invoke fn`)'
            cand logs 'A function''s log, from CloudWatch Logs'
        }
        &'gatekit;help;fn;list'= {
        }
        &'gatekit;help;fn;show'= {
        }
        &'gatekit;help;fn;invoke'= {
        }
        &'gatekit;help;fn;logs'= {
        }
        &'gatekit;help;invoke'= {
            cand fn 'Invoke a function and print what it returned'
            cand api 'Call a route of a deployed API: [API] METHOD PATH'
        }
        &'gatekit;help;invoke;fn'= {
        }
        &'gatekit;help;invoke;api'= {
        }
        &'gatekit;help;api'= {
            cand list 'The project''s APIs as deployed: id, stage, URL, routes'
            cand routes 'An API''s routes: method, path, function, full URL'
            cand url 'An API''s stage URL'
            cand docs 'An API''s reference: the OpenAPI 3 document of its deployed routes, or a self-contained HTML page of them'
        }
        &'gatekit;help;api;list'= {
        }
        &'gatekit;help;api;routes'= {
        }
        &'gatekit;help;api;url'= {
        }
        &'gatekit;help;api;docs'= {
        }
        &'gatekit;help;local'= {
            cand serve 'Run the emulator until Ctrl-C or SIGTERM'
            cand status 'Say whether an emulator runs on this store, and where'
            cand reset 'Delete everything in the store'
            cand sdk 'Install the AWS SDKs that Lambda''s runtimes include (boto3, AWS SDK for JavaScript v3) for local functions'
        }
        &'gatekit;help;local;serve'= {
        }
        &'gatekit;help;local;status'= {
        }
        &'gatekit;help;local;reset'= {
        }
        &'gatekit;help;local;sdk'= {
        }
        &'gatekit;help;help'= {
        }
    ]
    $completions[$command]
}
