
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ezeep-token' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ezeep-token'
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
        'ezeep-token' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print `Authorization: Bearer TOKEN`, the same as `--output header`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON object with the token and its expiry, the same as `--output json`')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings and where each one came from')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles in the profile file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page in roff format')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with the token in its environment')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a JWT and show its header, claims and expiry')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Remove cached tokens or show where they are stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ezeep-token;config' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;profiles' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;man' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;exec' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;inspect' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object with the header, the claims and the derived times')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;cache' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token, or only the selected profile''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ezeep-token;cache;clear' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;cache;path' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the profile file [env: EZEEP_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Profile file path [env: EZEEP_TOKEN_CONFIG]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'OAuth client id [env: EZEEP_CLIENT_ID]')
            [CompletionResult]::new('--client-secret', '--client-secret', [CompletionResultType]::ParameterName, 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]')
            [CompletionResult]::new('--client-secret-command', '--client-secret-command', [CompletionResultType]::ParameterName, 'Run COMMAND with `sh -c` and use its output as the client secret')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]')
            [CompletionResult]::new('--token-url', '--token-url', [CompletionResultType]::ParameterName, 'Token endpoint URL [env: EZEEP_TOKEN_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--min-ttl', '--min-ttl', [CompletionResultType]::ParameterName, 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]')
            [CompletionResult]::new('--client-auth', '--client-auth', [CompletionResultType]::ParameterName, 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]')
            [CompletionResult]::new('--basic-encoding', '--basic-encoding', [CompletionResultType]::ParameterName, 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the root certificates in this PEM file, in addition to the system roots')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each step to stderr; secrets and tokens are redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Request a new token even if the cache has a valid one, and cache it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ezeep-token;cache;help' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token, or only the selected profile''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ezeep-token;cache;help;clear' {
            break
        }
        'ezeep-token;cache;help;path' {
            break
        }
        'ezeep-token;cache;help;help' {
            break
        }
        'ezeep-token;help' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings and where each one came from')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles in the profile file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page in roff format')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with the token in its environment')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Decode a JWT and show its header, claims and expiry')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Remove cached tokens or show where they are stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ezeep-token;help;config' {
            break
        }
        'ezeep-token;help;profiles' {
            break
        }
        'ezeep-token;help;completions' {
            break
        }
        'ezeep-token;help;man' {
            break
        }
        'ezeep-token;help;exec' {
            break
        }
        'ezeep-token;help;inspect' {
            break
        }
        'ezeep-token;help;cache' {
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every cached token, or only the selected profile''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the cache directory')
            break
        }
        'ezeep-token;help;cache;clear' {
            break
        }
        'ezeep-token;help;cache;path' {
            break
        }
        'ezeep-token;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
