package io.riskdesk.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A horizontal bar chart drawn with Java2D into a PNG and handed to the PDF as a data URI: the
 * server draws it, no browser. Each bar is a row of coloured segments (one for a single figure,
 * several for a split such as met and breached) with its label on the left and its caption on the
 * right. Drawn at twice the size it is shown, so it stays sharp in print.
 */
final class BarChart {

	static final Color BLUE = new Color(0x2f6fb3);

	static final Color GREEN = new Color(0x2e8b57);

	static final Color RED = new Color(0xc0392b);

	private static final int SCALE = 2;

	private static final int WIDTH = 640;

	private static final int ROW = 28;

	private static final int LABEL = 150;

	private static final int CAPTION = 170;

	record Segment(BigDecimal value, Color color) {
	}

	record Bar(String label, List<Segment> segments, String caption) {

		BigDecimal total() {
			return segments.stream().map(Segment::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	private BarChart() {
	}

	/** The chart as {@code data:image/png;base64,...}, the longest bar spanning the plot's width. */
	static String png(List<Bar> bars, Font font) {
		int height = Math.max(1, bars.size()) * ROW + 8;
		BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.scale(SCALE, SCALE);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			g.setFont(font);
			FontMetrics metrics = g.getFontMetrics();
			BigDecimal longest = bars.stream().map(Bar::total).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
			int plot = WIDTH - LABEL - CAPTION;
			for (int i = 0; i < bars.size(); i++) {
				Bar bar = bars.get(i);
				int top = 4 + i * ROW;
				int baseline = top + (ROW + metrics.getAscent() - metrics.getDescent()) / 2;
				g.setColor(Color.DARK_GRAY);
				g.drawString(bar.label(), 4, baseline);
				int x = LABEL;
				for (Segment segment : bar.segments()) {
					int width = longest.signum() == 0 ? 0
							: segment.value().multiply(BigDecimal.valueOf(plot)).divide(longest, 0, RoundingMode.HALF_UP)
								.intValue();
					g.setColor(segment.color());
					g.fillRect(x, top + 5, width, ROW - 10);
					x += width;
				}
				g.setColor(Color.DARK_GRAY);
				g.drawString(bar.caption(), x + 6, baseline);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
	}

}
