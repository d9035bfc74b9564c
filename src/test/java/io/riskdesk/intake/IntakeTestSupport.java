package io.riskdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.springframework.core.io.ClassPathResource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shipped playbook, an extractor on it without Spring, and the seed documents. */
final class IntakeTestSupport {

	static final Path SEEDS = Path.of("..", "shared", "seeds");

	static final Playbook PLAYBOOK = loadPlaybook();

	static final NotesExtractor EXTRACTOR = new NotesExtractor(PLAYBOOK, 1024 * 1024);

	private IntakeTestSupport() {
	}

	private static Playbook loadPlaybook() {
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			return new PlaybookLoader(validation.getValidator()).load(new ClassPathResource("playbook.yml"));
		}
	}

	/** A seed document as it is; the test is skipped when the seeds are not next to the repository. */
	static byte[] seed(String name) {
		Path file = SEEDS.resolve(name);
		assumeTrue(Files.isRegularFile(file), () -> "seed document " + file.toAbsolutePath()
				+ " not found: the seed tests need ../shared/seeds next to the repository");
		return read(file);
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

}
