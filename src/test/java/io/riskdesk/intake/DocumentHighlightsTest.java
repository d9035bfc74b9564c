package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.intake.DocumentHighlights.Segment;
import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentHighlightsTest {

	private static final String NOTES = """
			Customer: Northwind
			Date: 2026-03-02
			Action items:
			- Priya: send the RCA by Friday
			""";

	@Test
	void theSegmentsAreTheDocumentAndEachFieldFindsItsWords() {
		ExtractionDraft draft = EXTRACTOR.extract(NOTES.getBytes(StandardCharsets.UTF_8));
		DocumentHighlights highlights = DocumentHighlights.of(draft, NOTES);

		assertThat(highlights.segments().stream().map(Segment::text).collect(Collectors.joining())).isEqualTo(NOTES);
		assertThat(marked(highlights, highlights.field("account"))).isEqualTo("Northwind");
		assertThat(marked(highlights, highlights.field("detectedAt"))).isEqualTo("2026-03-02");
		assertThat(marked(highlights, highlights.actionItem("send the RCA"))).isEqualTo("Priya: send the RCA by Friday");
		assertThat(highlights.actionItem("a task the reviewer wrote")).isNull();
		assertThat(highlights.dueProposed("send the RCA")).isFalse();
		assertThat(highlights.ownerProposed("send the RCA")).isFalse();
	}

	/** The text of the segments marked with these span ids. */
	private static String marked(DocumentHighlights highlights, String ids) {
		return highlights.segments()
			.stream()
			.filter(segment -> segment.marked() && List.of(segment.spans().split(" ")).contains(ids))
			.map(Segment::text)
			.collect(Collectors.joining());
	}

}
