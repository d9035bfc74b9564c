package io.riskdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped playbook, an extractor on it without Spring, and the seed documents. */
final class IntakeTestSupport {

	/** The seed escalation email and meeting notes (the playbook is the other seed). */
	static final List<String> SEED_NOTES = List.of("escalation-email-techcorp-enterprises.md", "meeting-abc-corp.md",
			"meeting-globaltech.md", "meeting-techcorp-solutions.md");

	static final Playbook PLAYBOOK = loadPlaybook();

	static final NotesExtractor EXTRACTOR = new NotesExtractor(PLAYBOOK, 1024 * 1024);

	private IntakeTestSupport() {
	}

	private static Playbook loadPlaybook() {
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			return new PlaybookLoader(validation.getValidator()).load(new ClassPathResource("playbook.yml"));
		}
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] resource(String name) {
		try (var in = new ClassPathResource("intake/" + name).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every span's text is the normalised document's text at its offsets. */
	static void assertSpansPointIntoTheDocument(ExtractionDraft draft, byte[] content) {
		String text = IntakeDocument.of(content, Integer.MAX_VALUE).text();
		List<ExtractionDraft.Span> spans = new ArrayList<>();
		Stream.of(draft.accountName(), draft.documentDate(), draft.contractValue(), draft.renewalDate(),
					draft.cancellationDate())
			.filter(Objects::nonNull)
			.forEach(f -> spans.add(f.span()));
		draft.attendees().forEach(a -> spans.add(a.span()));
		draft.actionItems().forEach(a -> spans.add(a.span()));
		draft.followUpMeetings().forEach(m -> spans.add(m.span()));
		draft.concessions().forEach(c -> spans.add(c.span()));
		draft.impact().forEach(i -> spans.add(i.span()));
		draft.signals().forEach(s -> spans.add(s.span()));
		Stream.of(draft.concerns(), draft.rootCauses(), draft.resolutionOptions(), draft.decisions(),
					draft.customerCommitments())
			.flatMap(List::stream)
			.forEach(f -> spans.add(f.span()));
		assertThat(spans).allSatisfy(span -> {
			assertThat(span).isNotNull();
			assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text());
		});
	}

}
