# TAP output shared by tests/man/lint.sh, tests/fuzz/smoke.sh,
# tests/import/lib.sh and tests/ssh/ssh.sh (sourced from the top of the
# tree): the test number $n, the count of failures $fails, and
#   ok DESCRIPTION      ok N - DESCRIPTION
#   notok DESCRIPTION   not ok N - DESCRIPTION, counted in $fails
#   skip WHY            ok N # SKIP WHY
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }
