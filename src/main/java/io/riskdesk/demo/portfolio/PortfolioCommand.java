package io.riskdesk.demo.portfolio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated portfolio into a folder (bench/generate-portfolio.sh runs it):
 * {@code --seed 42 --accounts 10000 --days 180 --end 2026-11-30 --at-risk-share 0.2 --out target/portfolio},
 * every option optional.
 */
public final class PortfolioCommand {

	private static final List<String> OPTIONS = List.of("--seed", "--accounts", "--days", "--end", "--at-risk-share",
			"--out");

	private static final String USAGE = "Usage: generate-portfolio.sh [--seed 42] [--accounts 1000] [--days 180]"
			+ " [--end " + PortfolioSpec.DEFAULT_END + "] [--at-risk-share " + PortfolioSpec.DEFAULT_AT_RISK_SHARE
			+ "] [--out target/portfolio]";

	private PortfolioCommand() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
				System.err.println((OPTIONS.contains(args[i]) ? "No value for " : "Unknown option ") + args[i]);
				System.err.println(USAGE);
				System.exit(2);
			}
			options.put(args[i], args[i + 1]);
		}
		PortfolioSpec spec;
		try {
			spec = new PortfolioSpec(Long.parseLong(options.getOrDefault("--seed", "42")),
					Integer.parseInt(options.getOrDefault("--accounts", "1000")),
					Integer.parseInt(options.getOrDefault("--days", "180")),
					LocalDate.parse(options.getOrDefault("--end", PortfolioSpec.DEFAULT_END.toString())),
					Double.parseDouble(options.getOrDefault("--at-risk-share", "" + PortfolioSpec.DEFAULT_AT_RISK_SHARE)));
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		Path out = Path.of(options.getOrDefault("--out", "target/portfolio"));
		long started = System.nanoTime();
		Map<PortfolioFile, Long> rows = PortfolioFiles.write(new PortfolioGenerator(spec), out);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Portfolio of seed %d: %,d accounts, %d days from %s to %s, at-risk share %.2f%n", spec.seed(),
				spec.accounts(), spec.days(), spec.first(), spec.end(), spec.atRiskShare());
		for (PortfolioFile file : PortfolioFile.values()) {
			Path path = out.resolve(file.fileName());
			System.out.printf("  %-18s %,12d rows %,10d KB%n", file.fileName(), rows.get(file), Files.size(path) / 1024);
		}
		System.out.printf("Wrote %s in %.1f s%n", out.toAbsolutePath().normalize(), took.toMillis() / 1000.0);
	}

}
