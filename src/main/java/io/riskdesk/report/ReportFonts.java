package io.riskdesk.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The TrueType fonts the PDFs embed, read once from {@code fonts/} (licences beside them): DejaVu Sans
 * for Latin, Greek and Cyrillic, Droid Sans Fallback for Chinese, Japanese and Korean. The PDF's CSS
 * names them in that order, so each character is drawn with the first that has it.
 */
@Component
class ReportFonts {

	static final String LATIN = "DejaVu Sans";

	static final String CJK = "Droid Sans Fallback";

	/** One font file and the family and weight it is registered as. */
	record Face(String family, int weight, byte[] bytes) {

		InputStream open() {
			return new ByteArrayInputStream(bytes);
		}

	}

	private final List<Face> faces;

	private final Font chartFont;

	ReportFonts() {
		this.faces = List.of(new Face(LATIN, 400, read("DejaVuSans.ttf")), new Face(LATIN, 700, read("DejaVuSans-Bold.ttf")),
				new Face(CJK, 400, read("DroidSansFallback.ttf")));
		try {
			this.chartFont = Font.createFont(Font.TRUETYPE_FONT, faces.get(0).open());
		}
		catch (FontFormatException | IOException ex) {
			throw new IllegalStateException("fonts/DejaVuSans.ttf is no TrueType font", ex);
		}
	}

	List<Face> faces() {
		return faces;
	}

	/** DejaVu Sans at this size, for the labels drawn into charts. */
	Font chartFont(float size) {
		return chartFont.deriveFont(size);
	}

	private static byte[] read(String file) {
		try (InputStream in = new ClassPathResource("fonts/" + file).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("fonts/" + file + " is missing from the classpath", ex);
		}
	}

}
