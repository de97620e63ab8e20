# The libFuzzer targets (tests/fuzz/TARGET.c), in the order build.sh
# builds them and smoke.sh and run.sh run them, and what each starts
# from.  Sourced from the top of the tree, after out is set.
targets="fuzz-import-text fuzz-import-markdown fuzz-import-input fuzz-pdflayout fuzz-wrap fuzz-query fuzz-input-keys fuzz-db fuzz-expr"

# target_seeds TARGET: the seed directories
target_seeds() {
	case $1 in
	fuzz-db) echo "$out/seeds-db" ;;	# small databases (build.sh)
	*) echo "$out/seeds tests/fuzz/seeds" ;;
	esac
}

# target_flags TARGET: libFuzzer flags of its own, after the common ones
target_flags() {
	case $1 in
	# a paragraph: the corpus's longest is 915 characters (2.7 KB);
	# whole documents made it four times slower for nothing
	fuzz-wrap) echo "-max_len=4096 -dict=tests/fuzz/kuaibao.dict" ;;
	# a page of word boxes is 15 KB (seeds/layout-table.xml)
	fuzz-pdflayout) echo "-max_len=20000" ;;
	# the images are 30 to 60 KB; the text's words are no use to them
	fuzz-db) echo "-max_len=65536" ;;
	*) echo "-dict=tests/fuzz/kuaibao.dict" ;;
	esac
}
