# Sourced by the CI checks (spark-check.sh, tables-check.sh): where cargo
# puts things depends on the machine (CARGO_TARGET_DIR, a build.target-dir
# or build.target in a cargo config), so the paths come from cargo itself
# rather than from a guess at ./target.
#
#   executable_of NAME   reads cargo's JSON messages on stdin, prints the
#                        last executable built (NAME names the check in errors)
#   target_directory     prints cargo's target directory

executable_of() {
    python3 -c '
import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")]
if not paths:
    sys.exit(sys.argv[1] + ": cargo reported no executable")
print(paths[-1])' "$1"
}

target_directory() {
    cargo metadata --no-deps --format-version 1 |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
}
