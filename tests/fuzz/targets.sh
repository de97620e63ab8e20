# The libFuzzer targets (tests/fuzz/TARGET.c), in the order build.sh
# builds them and smoke.sh and run.sh run them.  Sourced from the top of
# the tree.
targets="fuzz-import-text fuzz-import-markdown fuzz-import-input fuzz-pdflayout fuzz-wrap fuzz-query fuzz-input-keys fuzz-expr"
