"""The speed benchmarks' tables and chart, from bench/results/ingest.json and queries.json.

    .venv/bin/python bench/report.py      # writes bench/results/results.md and chart.png, prints the tables
"""
from __future__ import annotations

import json

from measure import RESULTS

ROWS = {"ours": "(a) filings-qa ingest, int8 ONNX (start-up included)",
        "plain llama-index": "(b) plain llama-index, fp32 torch",
        "bare torch": "(c) bare model, fp32 torch (encode only)",
        "bare onnx-int8": "(c') bare model, int8 ONNX (encode only)"}
CHART_LABELS = ["(a) filings-qa ingest\nint8, all included", "(b) plain llama-index\nfp32", "(c) bare model\nfp32 encode",
                "(c') bare model\nint8 encode"]


def ingest_table(results: dict) -> str:
    lines = ["| pipeline | files | chunks | tokens embedded | wall s | corpus tokens/s | peak memory MiB | load average |",
             "|---|---|---|---|---|---|---|---|"]
    for key, label in ROWS.items():
        r = results["rows"][key]
        lines.append(f"| {label} | {r['files']} | {r['chunks']:,} | {r['tokens']:,} | {r['seconds']:,.1f} | "
                     f"{r['corpus_tokens_per_second']:,} | {r['peak_rss_mib']:,} | {r['load_before']:.2f} -> {r['load_after']:.2f} |")
    ratios, again = results["ratios"], results["reingest"]
    lines += ["", f"Corpus: {results['corpus_tokens']:,} word pieces of extracted text. "
              f"(a) is {ratios['ours_vs_plain']}x faster than (b); (c)/(a) = {ratios['ours_vs_bare_fp32']} "
              f"(above 1: the whole ingest beats the bare fp32 model); int8 encodes "
              f"{ratios['int8_vs_fp32_encode']}x faster than fp32. Re-ingest, unchanged: {again['seconds']} s "
              f"({100 * again['share_of_first']:.2f}% of the first). The int8 model was made in "
              f"{results['int8_model_made_seconds']} s, once per machine, before (a)."]
    if "quality" in results:
        lines += ["", "| dev-set evidence | fp32 torch | int8 ONNX |", "|---|---|---|"]
        for key in ("evidence_top1", "evidence_top5", "evidence_top10", "mrr10"):
            fp32, int8 = results["quality"]["torch"][key], results["quality"]["onnx-int8"][key]
            shown = (lambda v: f"{v:.3f}") if key == "mrr10" else (lambda v: f"{100 * v:.1f}%")
            lines.append(f"| {key.replace('_', ' ')} | {shown(fp32)} | {shown(int8)} |")
    return "\n".join(lines)


def query_table(results: dict) -> str:
    lines = ["| index | chunks | call, filters | p50 ms | p95 ms | server peak memory MiB |", "|---|---|---|---|---|---|"]
    for name in ("corpus", "large"):
        served = results[name]
        for call, latency in served["latency"].items():
            lines.append(f"| {name} | {served['chunks']:,} | {call} | {latency['p50_ms']:,.0f} | "
                         f"{latency['p95_ms']:,.0f} | {served['peak_rss_mib']:,} |")
    if all("bm25_seconds" in results[name] for name in ("corpus", "large")):
        kinds = list(results["corpus"]["bm25_seconds"])
        lines += ["", "| index | chunks | " + " | ".join(f"BM25 {kind}, s" for kind in kinds) + " |",
                  "|---|---|" + "---|" * len(kinds)]
        for name in ("corpus", "large"):
            seconds = results[name]["bm25_seconds"]
            lines.append(f"| {name} | {results[name]['chunks']:,} | " + " | ".join(f"{seconds[k]:,.1f}" for k in kinds) + " |")
    return "\n".join(lines)


def chart(ingest: dict | None, queries: dict | None) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers and CI
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(13, 4.8))
    if ingest:
        left.barh(CHART_LABELS, [ingest["rows"][k]["corpus_tokens_per_second"] for k in ROWS], color="#4c72b0")
        left.invert_yaxis()
        left.set_xlabel("corpus tokens per second")
        left.set_title(f"Ingest, {ingest['files']} filings, {ingest['machine']['cores']} cores")
    if queries:
        calls = list(queries["corpus"]["latency"])
        for offset, (name, color) in enumerate((("corpus", "#55a868"), ("large", "#c44e52"))):
            served = queries[name]
            positions = [i + offset * 0.4 for i in range(len(calls))]
            right.bar(positions, [served["latency"][c]["p50_ms"] for c in calls], 0.4, color=color,
                      label=f"{name} ({served['chunks']:,} chunks) p50")
            right.scatter(positions, [served["latency"][c]["p95_ms"] for c in calls], color="black", marker="_",
                          s=200, zorder=3)
        right.set_xticks([i + 0.2 for i in range(len(calls))], [c.replace(", ", "\n") for c in calls], fontsize=8)
        right.set_ylabel("milliseconds (bar p50, dash p95)")
        right.set_title("Query latency")
        right.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(RESULTS / "chart.png", dpi=110)


def main() -> None:
    loaded = {name: json.loads((RESULTS / f"{name}.json").read_text()) if (RESULTS / f"{name}.json").is_file() else None
              for name in ("ingest", "queries")}
    parts = []
    for name, table in (("ingest", ingest_table), ("queries", query_table)):
        if loaded[name]:
            described = loaded[name]["machine"]
            parts.append(f"## {name.capitalize()}\n\n{described['cores']} cores ({described['cpu']}), "
                         f"{described['memory_gib']} GiB, {described['date']}, load average at start "
                         f"{described['load_average']}\n\n{table(loaded[name])}\n")
    chart(loaded["ingest"], loaded["queries"])
    text = "# Speed benchmarks\n\n![chart](chart.png)\n\n" + "\n".join(parts)
    (RESULTS / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
