package io.riskdesk.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * A Markdown table as commonmark's GFM tables extension reads it: the header's cells and the rows
 * below. Each cell is the document's text at its source span, as written (marks kept, an escaped
 * {@code \|} read as the pipe it stands for).
 */
record Table(List<String> header, List<Row> rows) {

	/** A row: the index of its line in the outline and its cells, as many as the header has ("" for a blank one). */
	record Row(int line, List<String> cells) {
	}

	static Table of(TableBlock block, String text) {
		List<String> header = List.of();
		List<Row> rows = new ArrayList<>();
		for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
			for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
				if (section instanceof TableHead) {
					header = cells(row, text);
				}
				else {
					rows.add(new Row(row.getSourceSpans().get(0).getLineIndex(), cells(row, text)));
				}
			}
		}
		return new Table(header, rows);
	}

	private static List<String> cells(Node row, String text) {
		List<String> cells = new ArrayList<>();
		for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
			// An empty cell has no span, nor has one the row lacks (the parser pads rows to the header's width).
			List<SourceSpan> spans = cell.getSourceSpans();
			cells.add(spans.isEmpty() ? "" : written(spans.get(0), text));
		}
		return cells;
	}

	private static String written(SourceSpan span, String text) {
		return text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()).strip().replace("\\|", "|");
	}

}
