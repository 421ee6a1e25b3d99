
use builtin;
use str;

set edit:completion:arg-completer[ezeep-token] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ezeep-token'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ezeep-token'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -o 'Output format'
            cand --output 'Output format'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand --header 'Print `Authorization: Bearer TOKEN`, the same as `--output header`'
            cand --json 'Print a JSON object with the token and its expiry, the same as `--output json`'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand config 'Show the resolved settings and where each one came from'
            cand profiles 'List the profiles in the profile file'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page in roff format'
            cand exec 'Run a command with the token in its environment'
            cand inspect 'Decode a JWT and show its header, claims and expiry'
            cand cache 'Remove cached tokens or show where they are stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ezeep-token;config'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;profiles'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;completions'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;man'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;exec'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;inspect'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand --json 'Print one JSON object with the header, the claims and the derived times'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;cache'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand clear 'Remove every cached token, or only the selected profile''s'
            cand path 'Print the cache directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ezeep-token;cache;clear'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;cache;path'= {
            cand -p 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --profile 'Profile to use from the profile file [env: EZEEP_PROFILE]'
            cand --config 'Profile file path [env: EZEEP_TOKEN_CONFIG]'
            cand --client-id 'OAuth client id [env: EZEEP_CLIENT_ID]'
            cand --client-secret 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]'
            cand --client-secret-file 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]'
            cand --client-secret-command 'Run COMMAND with `sh -c` and use its output as the client secret'
            cand --scope 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]'
            cand --token-url 'Token endpoint URL [env: EZEEP_TOKEN_URL]'
            cand --timeout 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]'
            cand --min-ttl 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]'
            cand --retries 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]'
            cand --client-auth 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]'
            cand --basic-encoding 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]'
            cand --cacert 'Trust the root certificates in this PEM file, in addition to the system roots'
            cand -v 'Print each step to stderr; secrets and tokens are redacted'
            cand --verbose 'Print each step to stderr; secrets and tokens are redacted'
            cand --no-cache 'Neither read nor write the token cache'
            cand --refresh 'Request a new token even if the cache has a valid one, and cache it'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ezeep-token;cache;help'= {
            cand clear 'Remove every cached token, or only the selected profile''s'
            cand path 'Print the cache directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ezeep-token;cache;help;clear'= {
        }
        &'ezeep-token;cache;help;path'= {
        }
        &'ezeep-token;cache;help;help'= {
        }
        &'ezeep-token;help'= {
            cand config 'Show the resolved settings and where each one came from'
            cand profiles 'List the profiles in the profile file'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page in roff format'
            cand exec 'Run a command with the token in its environment'
            cand inspect 'Decode a JWT and show its header, claims and expiry'
            cand cache 'Remove cached tokens or show where they are stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ezeep-token;help;config'= {
        }
        &'ezeep-token;help;profiles'= {
        }
        &'ezeep-token;help;completions'= {
        }
        &'ezeep-token;help;man'= {
        }
        &'ezeep-token;help;exec'= {
        }
        &'ezeep-token;help;inspect'= {
        }
        &'ezeep-token;help;cache'= {
            cand clear 'Remove every cached token, or only the selected profile''s'
            cand path 'Print the cache directory'
        }
        &'ezeep-token;help;cache;clear'= {
        }
        &'ezeep-token;help;cache;path'= {
        }
        &'ezeep-token;help;help'= {
        }
    ]
    $completions[$command]
}
