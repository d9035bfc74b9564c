package io.riskdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

import io.riskdesk.account.Money;
import io.riskdesk.intake.ExtractionDraft.ActionItem;
import io.riskdesk.intake.ExtractionDraft.Field;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field-level precision and recall of the extractor over the corpus in
 * {@code src/test/resources/intake/corpus/}: documents written in many voices, each with a sidecar
 * {@code <name>.expected.yml} holding what a careful human reader takes from it. Run it to see the
 * table (markdown, for docs/intake.md) and every miss; it fails when a field falls below its floor.
 *
 * <p>Scoring rules:
 * <ul>
 * <li>Per field, <em>expected</em> counts the documents (or action items) the sidecar states a value for,
 * <em>extracted</em> those the draft gives one for, <em>right</em> those where both agree. Precision is
 * right / extracted, recall right / expected (100% when the denominator is 0). A value where the sidecar
 * has none (null or absent) is a false positive; a wrong value is both a false positive and a miss.</li>
 * <li>Names (account, owner) are equal when they match after Unicode decomposition with accents removed,
 * case folded and runs of whitespace made one space: "Zoe  MULLER" equals "Zoë Müller".</li>
 * <li>Money (the contract value, as ARR) is equal by amount (numerically, 1.45E6 = 1450000.00) and ISO
 * currency code.</li>
 * <li>Severity is always extracted (the extractor falls back to S3), so its precision equals its recall.</li>
 * <li>An action item counts as right only when its task, owner AND due date are all right. Its task is right
 * when every word of the sidecar's {@code task} appears in the extracted task (normalised as names are);
 * the owner must equal the sidecar's (both null for an item without owner); the due date must equal it (both
 * null when the text gives none). An item whose due date the text leaves {@code ambiguous} is right when no
 * date is given for it, or when the date is proposed and marked uncertain (the draft names its other readings
 * in {@code dueAlternatives}); a silent guess is what the issue forbids. Each expected item is paired with at most one extracted item, the first
 * one with the task words that is right in full, else the first one with the task words (a miss); extracted
 * items left unpaired are false positives.</li>
 * </ul>
 */
class CorpusScoreTest {

	/** Floors at what the extractor reached when the corpus was written, rounded down; raise them as it improves. */
	private static final Map<Scored, Floor> FLOORS = new EnumMap<>(Map.of(
			Scored.ACCOUNT, new Floor(0.97, 0.95),
			Scored.DOCUMENT_DATE, new Floor(0.97, 0.97),
			Scored.CONTRACT_VALUE, new Floor(0.97, 0.94),
			Scored.RENEWAL_DATE, new Floor(0.97, 0.93),
			Scored.SEVERITY, new Floor(0.95, 0.95),
			Scored.ACTION_ITEMS, new Floor(0.97, 0.97)));

	private static final String CORPUS = "classpath:intake/corpus/";

	private static final String SIDECAR = ".expected.yml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void theCorpusScoresAtLeastItsFloors() {
		List<Document> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(32);
		Scorecard card = new Scorecard();
		corpus.forEach(document -> card.score(document.name(), document.expected(), EXTRACTOR.extract(document.content())));

		System.out.println(card.table());
		System.out.println(card.misses());
		FLOORS.forEach((field, floor) -> {
			Tally tally = card.tally(field);
			assertThat(tally.precision()).as("%s precision", field.label).isGreaterThanOrEqualTo(floor.precision());
			assertThat(tally.recall()).as("%s recall", field.label).isGreaterThanOrEqualTo(floor.recall());
		});
	}

	@Test
	void everyDocumentHasASidecarAndEverySidecarADocument() throws IOException {
		List<String> names = Arrays.stream(new PathMatchingResourcePatternResolver().getResources(CORPUS + "*"))
			.map(Resource::getFilename)
			.toList();
		List<String> documents = names.stream().filter(name -> !name.endsWith(SIDECAR)).toList();
		List<String> sidecars = names.stream().filter(name -> name.endsWith(SIDECAR)).toList();

		assertThat(sidecars).containsExactlyInAnyOrderElementsOf(documents.stream().map(CorpusScoreTest::sidecarOf).toList());
	}

	@Test
	void namesAreEqualWhateverTheirCaseAccentsAndSpacing() {
		assertThat(Scorecard.sameName("Zoë Müller", "zoe  MULLER")).isTrue();
		assertThat(Scorecard.sameName("Søren Ødegaard", "Soren Odegaard")).isFalse(); // ø is a letter, not o with an accent
		assertThat(Scorecard.sameName("田中 太郎", "田中 太郎")).isTrue();
		assertThat(Scorecard.sameName("Jonas Berg", "Jonas")).isFalse();
		assertThat(Scorecard.sameName(null, null)).isTrue();
		assertThat(Scorecard.sameName("Jonas Berg", null)).isFalse();
	}

	@Test
	void moneyIsEqualByAmountAndCurrency() {
		assertThat(Scorecard.sameMoney(new ExpectedMoney(new BigDecimal("1450000"), "USD"),
				new Money(new BigDecimal("1.45E6"), Currency.getInstance("USD")))).isTrue();
		assertThat(Scorecard.sameMoney(new ExpectedMoney(new BigDecimal("300000"), "EUR"),
				new Money(new BigDecimal("300000"), Currency.getInstance("USD")))).isFalse();
		assertThat(Scorecard.sameMoney(new ExpectedMoney(new BigDecimal("640000"), "USD"),
				new Money(new BigDecimal("64000"), Currency.getInstance("USD")))).isFalse();
	}

	@Test
	void anActionItemIsRightOnlyWithItsTaskOwnerAndDueDate() {
		ExpectedAction expected = new ExpectedAction("send RCA", "Zoë Müller", LocalDate.of(2026, 3, 6), false);
		ExtractionDraft.Side side = ExtractionDraft.Side.INTERNAL;

		assertThat(actionScore(expected, new ActionItem("Zoe Muller", "Send the RCA to the customer", LocalDate.of(2026, 3, 6), side, null)))
			.isEqualTo(new Tally(1, 1, 1));
		assertThat(actionScore(expected, new ActionItem("Zoë Müller", "Send the RCA", LocalDate.of(2026, 3, 13), side, null)))
			.isEqualTo(new Tally(1, 1, 0));
		assertThat(actionScore(expected, new ActionItem(null, "Send the RCA", LocalDate.of(2026, 3, 6), side, null)))
			.isEqualTo(new Tally(1, 1, 0));
		assertThat(actionScore(expected, new ActionItem("Zoë Müller", "Send the report", LocalDate.of(2026, 3, 6), side, null)))
			.isEqualTo(new Tally(1, 1, 0));
		ExpectedAction ambiguous = new ExpectedAction("renewal quote", "Tom Reyes", null, true);
		assertThat(actionScore(ambiguous, new ActionItem("Tom Reyes", "send the renewal quote", null, side, null)))
			.isEqualTo(new Tally(1, 1, 1));
		assertThat(actionScore(ambiguous, new ActionItem("Tom Reyes", "send the renewal quote", LocalDate.of(2026, 6, 3), side, null)))
			.isEqualTo(new Tally(1, 1, 0));
		assertThat(actionScore(ambiguous, new ActionItem("Tom Reyes", "send the renewal quote", LocalDate.of(2026, 6, 3), side, null,
				List.of(LocalDate.of(2026, 3, 6))))).isEqualTo(new Tally(1, 1, 1));
	}

	@Test
	void aValueTheDocumentDoesNotStateIsAFalsePositive() {
		Scorecard card = new Scorecard();
		Expected expected = new Expected(null, LocalDate.of(2026, 3, 2), null, null, Severity.S3, List.of());
		ExtractionDraft draft = draft(new Field<>("Northwind", null), new Field<>(LocalDate.of(2026, 3, 2), null));

		card.score("doc.md", expected, draft);

		assertThat(card.tally(Scored.ACCOUNT)).isEqualTo(new Tally(0, 1, 0));
		assertThat(card.tally(Scored.DOCUMENT_DATE)).isEqualTo(new Tally(1, 1, 1));
		assertThat(card.misses()).contains("doc.md | account | null | Northwind");
	}

	private static Tally actionScore(ExpectedAction expected, ActionItem extracted) {
		Scorecard card = new Scorecard();
		ExtractionDraft draft = new ExtractionDraft(null, null, List.of(), null, null, null, null, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(extracted), List.of(), List.of(),
				new ExtractionDraft.Suggestion(null, Severity.S3, ""), List.of());
		card.score("doc.md", new Expected(null, null, null, null, Severity.S3, List.of(expected)), draft);
		return card.tally(Scored.ACTION_ITEMS);
	}

	private static ExtractionDraft draft(Field<String> account, Field<LocalDate> date) {
		return new ExtractionDraft(account, date, List.of(), null, null, null, null, List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				new ExtractionDraft.Suggestion(null, Severity.S3, ""), List.of());
	}

	static List<Document> corpus() {
		try {
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(CORPUS + "*"))
				.filter(resource -> !Objects.requireNonNull(resource.getFilename()).endsWith(SIDECAR))
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(CorpusScoreTest::document)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document document(Resource resource) {
		try {
			Resource sidecar = resource.createRelative(sidecarOf(resource.getFilename()));
			return new Document(resource.getFilename(), resource.getContentAsByteArray(),
					YAML.readValue(sidecar.getContentAsByteArray(), Expected.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sidecarOf(String document) {
		return document + SIDECAR;
	}

	record Document(String name, byte[] content, Expected expected) {
	}

	/** A sidecar: what the document states; null where it states nothing. */
	record Expected(String accountName, LocalDate documentDate, ExpectedMoney contractValue, LocalDate renewalDate,
			Severity severity, List<ExpectedAction> actionItems) {

		Expected {
			Objects.requireNonNull(severity, "severity");
			actionItems = actionItems == null ? List.of() : actionItems;
		}
	}

	record ExpectedMoney(BigDecimal amount, String currency) {
	}

	/** {@code task}: words that must all appear in the extracted task. */
	record ExpectedAction(String task, String owner, LocalDate due, Boolean ambiguous) {

		ExpectedAction {
			Objects.requireNonNull(task, "task");
			ambiguous = Boolean.TRUE.equals(ambiguous);
		}
	}

	enum Scored {

		ACCOUNT("account"), DOCUMENT_DATE("document date"), CONTRACT_VALUE("contract value (ARR)"),
		RENEWAL_DATE("renewal date"), SEVERITY("severity"), ACTION_ITEMS("action items (task, owner, due)");

		final String label;

		Scored(String label) {
			this.label = label;
		}

	}

	record Floor(double precision, double recall) {
	}

	record Tally(int expected, int extracted, int right) {

		Tally plus(Tally other) {
			return new Tally(expected + other.expected, extracted + other.extracted, right + other.right);
		}

		double precision() {
			return extracted == 0 ? 1 : (double) right / extracted;
		}

		double recall() {
			return expected == 0 ? 1 : (double) right / expected;
		}

	}

	/** Tallies per field over the documents scored, and every miss for developers to read. */
	static final class Scorecard {

		private final Map<Scored, Tally> tallies = new EnumMap<>(Scored.class);

		private final List<String> misses = new ArrayList<>();

		Scorecard() {
			Arrays.stream(Scored.values()).forEach(field -> tallies.put(field, new Tally(0, 0, 0)));
		}

		void score(String document, Expected expected, ExtractionDraft draft) {
			value(document, Scored.ACCOUNT, expected.accountName(), valueOf(draft.accountName()), Scorecard::sameName);
			value(document, Scored.DOCUMENT_DATE, expected.documentDate(), valueOf(draft.documentDate()), Objects::equals);
			value(document, Scored.CONTRACT_VALUE, expected.contractValue(), valueOf(draft.contractValue()),
					Scorecard::sameMoney);
			value(document, Scored.RENEWAL_DATE, expected.renewalDate(), valueOf(draft.renewalDate()), Objects::equals);
			value(document, Scored.SEVERITY, expected.severity(), draft.suggestion().severity(), Objects::equals);
			actions(document, expected.actionItems(), draft.actionItems());
		}

		Tally tally(Scored field) {
			return tallies.get(field);
		}

		private <E, G> void value(String document, Scored field, E expected, G got, BiPredicate<E, G> same) {
			boolean right = expected != null && got != null && same.test(expected, got);
			count(field, new Tally(expected == null ? 0 : 1, got == null ? 0 : 1, right ? 1 : 0));
			if (!right && (expected != null || got != null)) {
				miss(document, field, expected, got);
			}
		}

		private void actions(String document, List<ExpectedAction> expected, List<ActionItem> extracted) {
			List<ActionItem> unpaired = new ArrayList<>(extracted);
			int right = 0;
			for (ExpectedAction item : expected) {
				List<ActionItem> withTask = unpaired.stream().filter(got -> hasTaskWords(item, got)).toList();
				ActionItem pair = withTask.stream()
					.filter(got -> rightInFull(item, got))
					.findFirst()
					.orElse(withTask.isEmpty() ? null : withTask.get(0));
				if (pair != null) {
					unpaired.remove(pair);
				}
				if (pair != null && rightInFull(item, pair)) {
					right++;
				}
				else {
					miss(document, Scored.ACTION_ITEMS, describe(item), pair == null ? null : describe(pair));
				}
			}
			unpaired.forEach(got -> miss(document, Scored.ACTION_ITEMS, null, describe(got)));
			count(Scored.ACTION_ITEMS, new Tally(expected.size(), extracted.size(), right));
		}

		private static boolean hasTaskWords(ExpectedAction expected, ActionItem got) {
			String task = normalised(got.task());
			return task != null && Arrays.stream(normalised(expected.task()).split(" ")).allMatch(task::contains);
		}

		private static boolean rightInFull(ExpectedAction expected, ActionItem got) {
			boolean proposed = expected.ambiguous() && got.due() != null && !got.dueAlternatives().isEmpty();
			return sameName(expected.owner(), got.owner()) && (proposed || Objects.equals(expected.due(), got.due()));
		}

		static boolean sameName(String expected, String got) {
			return Objects.equals(normalised(expected), normalised(got));
		}

		static boolean sameMoney(ExpectedMoney expected, Money got) {
			return expected.amount().compareTo(got.amount()) == 0
					&& expected.currency().equals(got.currency().getCurrencyCode());
		}

		private static String normalised(String text) {
			if (text == null) {
				return null;
			}
			String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		}

		private static String describe(ExpectedAction item) {
			return "%s: %s (due %s%s)".formatted(item.owner(), item.task(), item.due(), item.ambiguous() ? ", ambiguous" : "");
		}

		private static String describe(ActionItem item) {
			return "%s: %s (due %s)".formatted(item.owner(), item.task(), item.due());
		}

		private static <T> T valueOf(Field<T> field) {
			return field == null ? null : field.value();
		}

		private void count(Scored field, Tally tally) {
			tallies.merge(field, tally, Tally::plus);
		}

		private void miss(String document, Scored field, Object expected, Object got) {
			misses.add("%s | %s | %s | %s".formatted(document, field.label, expected, got));
		}

		/** Markdown, to paste into docs/intake.md. */
		String table() {
			StringBuilder table = new StringBuilder("""
					| field | expected | extracted | right | precision | recall |
					|-------|---------:|----------:|------:|----------:|-------:|
					""");
			tallies.forEach((field, tally) -> table.append("| %s | %d | %d | %d | %.1f%% | %.1f%% |%n".formatted(field.label,
					tally.expected(), tally.extracted(), tally.right(), 100 * tally.precision(), 100 * tally.recall())));
			return table.toString();
		}

		String misses() {
			StringBuilder list = new StringBuilder("Misses (document | field | expected | extracted):\n");
			misses.forEach(miss -> list.append("- ").append(miss).append('\n'));
			return list.toString();
		}

	}

}
