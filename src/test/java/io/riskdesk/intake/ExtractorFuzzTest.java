package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.riskdesk.core.InvalidFieldException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static io.riskdesk.intake.IntakeTestSupport.assertSpansPointIntoTheDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes get a draft whose spans quote the normalised document, or a refusal naming the content,
 * never anything else. Jazzer starts from the test documents, the corpus of {@link CorpusScoreTest} and,
 * when they are next to the repository, the seed notes. It runs in a surefire execution of its own (pom.xml), fuzzing for a minute; without
 * {@code JAZZER_FUZZ} it only replays those documents. A crashing input lands in
 * {@code target/jazzer/crash-*}: to replay it, copy it to
 * {@code src/test/resources/io/riskdesk/intake/ExtractorFuzzTestInputs/draftOrRefusal/}, which every run starts from.
 */
class ExtractorFuzzTest {

	@MethodSource("documents")
	// Words the extractor looks for, so that mutations reach its rules sooner (libFuzzer's format: \x0A is a line end).
	@DictionaryEntries({ "**", "\\x0A- ", "\\x0A1. ", "## ", "Date: ", "Attendees:", "From: ", "Owner: ", "due ", "$", "€",
			"@", "|", "\\x0A---\\x0A", "within 24 hours", "February 30, 2025", "Friday", "reconvene", "(", ")", ":",
			"\\x09", "\\x0D\\x0A", "9999999999999999999999K" })
	@FuzzTest(maxDuration = "60s")
	void draftOrRefusal(byte[] content) {
		ExtractionDraft draft;
		try {
			draft = EXTRACTOR.extract(content);
		}
		catch (InvalidFieldException ex) {
			assertThat(ex.field()).isEqualTo(IntakeDocument.FIELD);
			return;
		}
		assertThat(draft).isNotNull();
		assertSpansPointIntoTheDocument(draft, content);
	}

	static Stream<Arguments> documents() throws IOException {
		Resource[] own = new PathMatchingResourcePatternResolver().getResources("classpath:intake/*");
		Stream<Arguments> tests = Arrays.stream(own)
			.filter(Resource::isReadable) // not the corpus directory: its documents follow
			.map(resource -> document(resource.getFilename(), IntakeTestSupport.resource(resource.getFilename())));
		Stream<Arguments> corpus = CorpusScoreTest.corpus().stream().map(doc -> document(doc.name(), doc.content()));
		Stream<Arguments> seeds = IntakeTestSupport.SEED_NOTES.stream()
			.map(SeedDocuments.DIRECTORY::resolve)
			.filter(Files::isRegularFile)
			.map(file -> document(file.getFileName().toString(), IntakeTestSupport.read(file)));
		return Stream.of(tests, corpus, seeds).flatMap(documents -> documents);
	}

	private static Arguments document(String name, byte[] content) {
		return Arguments.of(Named.of(name, content));
	}

}
