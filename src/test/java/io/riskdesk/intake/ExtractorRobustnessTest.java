package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.riskdesk.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static io.riskdesk.intake.IntakeTestSupport.EXTRACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mangled notes (deletions, duplications, random bytes and characters, truncation) get a draft or a
 * refusal naming the content, never anything else. The seed is fixed and printed on failure;
 * set {@code -Dintake.fuzz.seed=...} to replay another.
 */
class ExtractorRobustnessTest {

	private static final long SEED = Long.getLong("intake.fuzz.seed", 20251205L);

	private static final int MUTATIONS_PER_DOCUMENT = 800;

	private static final String[] SNIPPETS = { "**", "\n- ", "\n1. ", "## ", "Date: ", "$", "€9", "@", "|", "\n---\n",
			"From: ", "Owner: ", "within 99999 hours", "February 30, 2025", "Friday", "(", ")", ":", "\u00e9", "\uD83D\uDE00",
			"\t", "\r\n", "9999999999999999999999K" };

	@Test
	void everyMutationGetsADraftOrARefusalNamingTheContent() {
		List<byte[]> documents = documents();
		Random random = new Random(SEED);
		int drafts = 0;
		int refusals = 0;
		for (byte[] document : documents) {
			for (int i = 0; i < MUTATIONS_PER_DOCUMENT; i++) {
				byte[] mutated = mutate(document, random);
				try {
					assertThat(EXTRACTOR.extract(mutated)).isNotNull();
					drafts++;
				}
				catch (InvalidFieldException ex) {
					assertThat(ex.field()).isEqualTo("content");
					refusals++;
				}
				catch (RuntimeException | StackOverflowError ex) {
					fail("mutation %d failed with seed %d (replay with -Dintake.fuzz.seed=%d): %s\n---\n%s", i, SEED, SEED,
							ex, new String(mutated, StandardCharsets.UTF_8), ex);
				}
			}
		}
		System.out.printf("intake robustness: seed %d, %d drafts, %d refusals%n", SEED, drafts, refusals);
		assertThat(drafts).isPositive();
	}

	private static List<byte[]> documents() {
		List<byte[]> documents = new ArrayList<>();
		for (String seed : new String[] { "escalation-email-techcorp-enterprises.md", "meeting-abc-corp.md",
				"meeting-globaltech.md", "meeting-techcorp-solutions.md" }) {
			Path file = IntakeTestSupport.SEEDS.resolve(seed);
			if (Files.isRegularFile(file)) {
				documents.add(IntakeTestSupport.read(file));
			}
		}
		for (String own : new String[] { "renewal-review-table.md", "numbered-owner-lines.md", "email-thread.txt",
				"chat-export.txt", "plain-text-notes.txt" }) {
			documents.add(IntakeTestSupport.resource(own));
		}
		return documents;
	}

	private static byte[] mutate(byte[] document, Random random) {
		byte[] bytes = document;
		int edits = 1 + random.nextInt(6);
		for (int e = 0; e < edits && bytes.length > 0; e++) {
			int at = random.nextInt(bytes.length);
			int length = 1 + random.nextInt(Math.min(200, bytes.length - at));
			bytes = switch (random.nextInt(6)) {
				case 0 -> concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + length, bytes.length));
				case 1 -> concat(Arrays.copyOfRange(bytes, 0, at + length), Arrays.copyOfRange(bytes, at, bytes.length));
				case 2 -> {
					byte[] copy = bytes.clone();
					copy[at] = (byte) random.nextInt(256);
					yield copy;
				}
				case 3 -> concat(Arrays.copyOfRange(bytes, 0, at),
						concat(SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8),
								Arrays.copyOfRange(bytes, at, bytes.length)));
				case 4 -> Arrays.copyOf(bytes, at);
				default -> {
					byte[] copy = bytes.clone();
					copy[at] = (byte) (32 + random.nextInt(95));
					yield copy;
				}
			};
		}
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

}
