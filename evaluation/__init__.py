"""Measuring the product, not part of it: `filings-qa eval`'s scoring and report (`scoring`), and the plain
llama-index pipeline it compares the assistant with (`baseline`). Used by the CLI's `eval` command and by
`bench/`; depends on `qa` and `index`, never the other way round."""
