package io.riskdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.riskdesk.intake.ExtractionDraft;
import io.riskdesk.intake.IntakeDocument;
import io.riskdesk.intake.NotesExtractor;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import org.springframework.core.io.ClassPathResource;

/**
 * Documents per second that {@link NotesExtractor} turns into drafts, from the bytes as the API gets them,
 * for each seed escalation email and meeting note in {@code ../shared/seeds}; against the cost floor of
 * reading Markdown: commonmark parsing the same document alone, configured as the extractor's outline
 * parser is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 4, time = 1)
public class IntakeExtractionBenchmark {

	/** From the repository root, where run-intake.sh starts the benchmark. */
	private static final Path SEEDS = Path.of("..", "shared", "seeds");

	private static final double TARGET_MS_PER_DOCUMENT = 10;

	@Param({ "escalation-email-techcorp-enterprises.md", "meeting-abc-corp.md", "meeting-globaltech.md",
			"meeting-techcorp-solutions.md" })
	public String document;

	private NotesExtractor extractor;

	private Parser markdown;

	private byte[] content;

	private String text;

	@Setup
	public void setUp() throws IOException {
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			Playbook playbook = new PlaybookLoader(validation.getValidator()).load(new ClassPathResource("playbook.yml"));
			extractor = new NotesExtractor(playbook, 1024 * 1024);
		}
		markdown = Parser.builder()
			.extensions(List.of(TablesExtension.create()))
			.includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
			.build();
		content = Files.readAllBytes(SEEDS.resolve(document));
		text = IntakeDocument.of(content, extractor.maxBytes()).text();
	}

	@Benchmark
	public ExtractionDraft extract() {
		return extractor.extract(content);
	}

	@Benchmark
	public Node commonmark() {
		return markdown.parse(text);
	}

	/** Runs both benchmarks on every seed document, taking JMH's command-line options, and prints a summary. */
	public static void main(String[] args) throws Exception {
		for (String name : IntakeExtractionBenchmark.class.getField("document").getAnnotation(Param.class).value()) {
			if (!Files.isRegularFile(SEEDS.resolve(name))) {
				System.err.printf("Seed document %s not found: the intake benchmark needs the seed notes in ../shared/seeds,"
						+ " next to the repository.%n", SEEDS.resolve(name).toAbsolutePath().normalize());
				System.exit(1);
			}
		}
		// document -> benchmark -> documents per second
		Map<String, Map<String, Double>> perSecond = new HashMap<>();
		var options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(IntakeExtractionBenchmark.class.getName())
			.build();
		for (RunResult result : new Runner(options).run()) {
			String benchmark = result.getParams().getBenchmark();
			perSecond.computeIfAbsent(result.getParams().getParam("document"), d -> new HashMap<>())
				.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
		}
		System.out.printf("%n%-42s %9s %9s %18s %7s %s%n", "document", "ms/doc", "docs/s", "commonmark docs/s", "ratio",
				"under " + (int) TARGET_MS_PER_DOCUMENT + " ms/doc");
		perSecond.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			double extract = entry.getValue().getOrDefault("extract", Double.NaN);
			double commonmark = entry.getValue().getOrDefault("commonmark", Double.NaN);
			double msPerDocument = 1000 / extract;
			System.out.printf("%-42s %9.3f %,9.0f %,18.0f %7.1f %s%n", entry.getKey(), msPerDocument, extract, commonmark,
					commonmark / extract, msPerDocument < TARGET_MS_PER_DOCUMENT ? "yes" : "NO");
		});
	}

}
