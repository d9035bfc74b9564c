package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;

import io.riskdesk.core.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeDocumentTest {

	@Test
	void normalisesLineEndsAndDropsTheByteOrderMark() {
		byte[] content = "\uFEFFDate: 2025-12-05\r\n- a\rb\tc\n".getBytes(StandardCharsets.UTF_8);

		assertThat(IntakeDocument.of(content, 100).text()).isEqualTo("Date: 2025-12-05\n- a\nb\tc\n");
	}

	@Test
	void keepsNonAsciiText() {
		assertThat(IntakeDocument.of("Crédit de 300 € — Zoë".getBytes(StandardCharsets.UTF_8), 100).text())
			.isEqualTo("Crédit de 300 € — Zoë");
	}

	@Test
	void refusesWhatIsNotANoteNamingTheContent() {
		assertRefused(null, "is empty");
		assertRefused(new byte[0], "is empty");
		assertRefused(" \n\t\r\n".getBytes(StandardCharsets.UTF_8), "is blank");
		assertRefused(new byte[] { 'P', 'K', 3, 4, 0, 0 }, "is binary, not text (control character at 2)");
		assertRefused(new byte[] { 'a', (byte) 0xFF, 'b' }, "is not valid UTF-8");
		assertRefused(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "is not valid UTF-8"); // a lone surrogate
		assertRefused("x".repeat(101).getBytes(StandardCharsets.UTF_8), "is larger than 100 bytes");
	}

	@Test
	void acceptsADocumentOfExactlyTheLimit() {
		assertThat(IntakeDocument.of("x".repeat(100).getBytes(StandardCharsets.UTF_8), 100).text()).hasSize(100);
	}

	private static void assertRefused(byte[] content, String reason) {
		assertThatThrownBy(() -> IntakeDocument.of(content, 100)).isInstanceOfSatisfying(InvalidFieldException.class,
				ex -> {
					assertThat(ex.field()).isEqualTo("content");
					assertThat(ex.reason()).isEqualTo(reason);
				});
	}

}
