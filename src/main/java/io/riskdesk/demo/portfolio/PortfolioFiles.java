package io.riskdesk.demo.portfolio;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes a generated portfolio as CSV files (RFC 4180, UTF-8, a header row, dates and instants in
 * ISO-8601, an empty field for null, lines ending in LF), one per {@link PortfolioFile}, each
 * streamed row by row.
 */
public final class PortfolioFiles {

	/** Quotes only where needed, and an empty string always, so that it never reads as null (COPY's rule too). */
	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING, CsvWriteFeature.ALWAYS_QUOTE_EMPTY_STRINGS)
		.build();

	private PortfolioFiles() {
	}

	/** Writes every file into {@code folder} (created if need be) and returns the rows of each. */
	public static Map<PortfolioFile, Long> write(PortfolioGenerator generator, Path folder) throws IOException {
		Files.createDirectories(folder);
		Map<PortfolioFile, Long> rows = new EnumMap<>(PortfolioFile.class);
		for (PortfolioFile file : PortfolioFile.values()) {
			try (Writer out = Files.newBufferedWriter(folder.resolve(file.fileName()), StandardCharsets.UTF_8)) {
				rows.put(file, write(file.rows(generator), file.header(), true, PortfolioRow::values, out));
			}
		}
		return rows;
	}

	/**
	 * Writes rows as CSV: the values each row gives, in the order of {@code columns}, under a header
	 * of the column names if asked. Returns how many rows it wrote.
	 */
	static <T> long write(Stream<T> rows, List<String> columns, boolean header, Function<T, Object[]> values,
			Writer out) throws IOException {
		CsvSchema schema = CsvSchema.builder().addColumns(columns, CsvSchema.ColumnType.STRING).build()
			.withUseHeader(header);
		long count = 0;
		// The streaming generator rather than data binding: half the time for millions of rows.
		try (JsonGenerator csv = CSV.writer(schema).createGenerator(out); Stream<T> stream = rows) {
			for (T row : (Iterable<T>) stream::iterator) {
				csv.writeStartArray();
				for (Object value : values.apply(row)) {
					write(csv, value);
				}
				csv.writeEndArray();
				count++;
			}
		}
		return count;
	}

	/** Numbers and booleans as such, everything else (dates, instants, enums) as its ISO or plain string. */
	private static void write(JsonGenerator csv, Object value) {
		if (value == null) {
			csv.writeNull();
		}
		else if (value instanceof Integer number) {
			csv.writeNumber(number);
		}
		else if (value instanceof BigDecimal number) {
			csv.writeNumber(number);
		}
		else if (value instanceof Boolean bool) {
			csv.writeBoolean(bool);
		}
		else {
			csv.writeString(value.toString());
		}
	}

}
