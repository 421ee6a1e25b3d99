# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ezeep_token_global_optspecs
    string join \n p/profile= config= client-id= client-secret= client-secret-file= client-secret-command= scope= token-url= timeout= v/verbose no-cache refresh min-ttl= retries= client-auth= basic-encoding= cacert= o/output= header json h/help V/version
end

function __fish_ezeep_token_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ezeep_token_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ezeep_token_using_subcommand
    set -l cmd (__fish_ezeep_token_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -s o -l output -d 'Output format' -r -f -a "raw\t'The token and a newline'
header\t'`Authorization: Bearer TOKEN`, for curl -H'
json\t'One JSON object: access_token, token_type, expires_in, expires_at, scope'
env\t'`export EZEEP_ACCESS_TOKEN=\'TOKEN\'`, for eval'"
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l header -d 'Print `Authorization: Bearer TOKEN`, the same as `--output header`'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -l json -d 'Print a JSON object with the token and its expiry, the same as `--output json`'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -s V -l version -d 'Print version'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "config" -d 'Show the resolved settings and where each one came from'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "profiles" -d 'List the profiles in the profile file'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "man" -d 'Print the man page in roff format'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "exec" -d 'Run a command with the token in its environment'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "inspect" -d 'Decode a JWT and show its header, claims and expiry'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "cache" -d 'Remove cached tokens or show where they are stored'
complete -c ezeep-token -n "__fish_ezeep_token_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l json -d 'Print one JSON object with the header, the claims and the derived times'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "clear" -d 'Remove every cached token, or only the selected profile\'s'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "path" -d 'Print the cache directory'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and not __fish_seen_subcommand_from clear path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -s p -l profile -d 'Profile to use from the profile file [env: EZEEP_PROFILE]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l config -d 'Profile file path [env: EZEEP_TOKEN_CONFIG]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l client-id -d 'OAuth client id [env: EZEEP_CLIENT_ID]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l client-secret -d 'OAuth client secret; visible to other local users [env: EZEEP_CLIENT_SECRET]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l client-secret-file -d 'Read the client secret from PATH, or from stdin if PATH is `-` [env: EZEEP_CLIENT_SECRET_FILE]' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l client-secret-command -d 'Run COMMAND with `sh -c` and use its output as the client secret' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l scope -d 'OAuth scope to request; repeat for several [env: EZEEP_SCOPE] [default: printing]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l token-url -d 'Token endpoint URL [env: EZEEP_TOKEN_URL]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l timeout -d 'Maximum time for the whole request, in seconds [env: EZEEP_TOKEN_TIMEOUT] [default: 30]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l min-ttl -d 'Minimum time in seconds that a cached token must have left to be used [env: EZEEP_TOKEN_MIN_TTL] [default: 300]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l retries -d 'Retries after a transient failure [env: EZEEP_TOKEN_RETRIES] [default: 2]' -r
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l client-auth -d 'Client authentication method [env: EZEEP_CLIENT_AUTH] [default: basic]' -r -f -a "basic\t'An `Authorization: Basic` header (client_secret_basic)'
post\t'`client_id` and `client_secret` in the form body (client_secret_post)'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l basic-encoding -d 'Encoding of the id and secret in the Basic header [env: EZEEP_BASIC_ENCODING] [default: urlencoded]' -r -f -a "urlencoded\t'Percent-encode both first, as RFC 6749 section 2.3.1 specifies'
raw\t'Use both as they are, for servers that compare the header literally'"
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l cacert -d 'Trust the root certificates in this PEM file, in addition to the system roots' -r -F
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Print each step to stderr; secrets and tokens are redacted'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l no-cache -d 'Neither read nor write the token cache'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -l refresh -d 'Request a new token even if the cache has a valid one, and cache it'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every cached token, or only the selected profile\'s'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the cache directory'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "config" -d 'Show the resolved settings and where each one came from'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "profiles" -d 'List the profiles in the profile file'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "completions" -d 'Print a shell completion script'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "man" -d 'Print the man page in roff format'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "exec" -d 'Run a command with the token in its environment'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "inspect" -d 'Decode a JWT and show its header, claims and expiry'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "cache" -d 'Remove cached tokens or show where they are stored'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and not __fish_seen_subcommand_from config profiles completions man exec inspect cache help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove every cached token, or only the selected profile\'s'
complete -c ezeep-token -n "__fish_ezeep_token_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "path" -d 'Print the cache directory'
