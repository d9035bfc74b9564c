package io.riskdesk.database;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * Consistent logical backups of Riskdesk's database, and their restore into an empty one.
 * <p>
 * A backup is a zip: {@code manifest.json} (schema version, tables with their columns and row
 * counts, partitions made at run time, sequence values) and one file per table in PostgreSQL's
 * COPY text format; a partitioned table's rows are in its parent's file. Every table
 * is read in one REPEATABLE READ READ ONLY transaction, so the backup is one snapshot, as
 * {@code pg_dump} makes it; it needs no client binaries (the embedded server ships none) and
 * restores onto any PostgreSQL version Riskdesk supports.
 */
@Service
public class DatabaseBackups {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

	static final String FORMAT = "riskdesk-backup/1";

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private static final Pattern FILE_NAME = Pattern.compile("riskdesk-\\d{8}-\\d{6}-\\d{3}\\.zip");

	/** What pg_get_expr writes for a partition's bounds, and nothing that could end the statement. */
	private static final Pattern PARTITION_BOUNDS = Pattern.compile("(FOR VALUES [^;]+|DEFAULT)");

	/** Flyway's own bookkeeping: the restore re-creates it by migrating to the backup's version. */
	private static final String SCHEMA_HISTORY = "flyway_schema_history";

	private final DataSource dataSource;

	private final BackupProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	DatabaseBackups(DataSource dataSource, BackupProperties properties, JsonMapper json, Clock clock) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** A backup file in the backup directory. */
	public record BackupFile(String name, long sizeBytes, Instant createdAt) {
	}

	record Manifest(String format, Instant createdAt, String schemaVersion, String serverVersion, List<TableData> tables,
			List<Partition> partitions, List<SequenceValue> sequences) {

		Manifest {
			partitions = partitions == null ? List.of() : partitions;
		}
	}

	/** A partition the application created at run time (no migration makes it), with its bounds. */
	record Partition(String name, String parent, String bounds) {
	}

	record TableData(String name, List<String> columns, long rows) {
	}

	record SequenceValue(String name, long lastValue) {
	}

	/** Writes a backup of the whole database into the backup directory. */
	public BackupFile create() {
		Instant now = clock.instant();
		Path directory = properties.directory();
		try {
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, "riskdesk-", ".partial");
			try {
				Manifest manifest;
				try (OutputStream out = Files.newOutputStream(partial)) {
					manifest = write(out, now);
				}
				Path file = directory.resolve("riskdesk-" + FILE_TIME.format(now) + ".zip");
				// Claims the name first: a move would silently replace a backup of the same millisecond.
				Files.createFile(file);
				Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				BackupFile backup = new BackupFile(file.getFileName().toString(), Files.size(file), now);
				log.info("Backup {} written: schema {}, {} tables, {} rows, {} bytes", file, manifest.schemaVersion(),
						manifest.tables().size(), manifest.tables().stream().mapToLong(TableData::rows).sum(),
						backup.sizeBytes());
				return backup;
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException("A backup was made at the same millisecond; try again", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a backup into " + directory, ex);
		}
	}

	/** The backups in the backup directory, newest first. */
	public List<BackupFile> list() {
		Path directory = properties.directory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<BackupFile> backups = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "riskdesk-*.zip")) {
			for (Path file : files) {
				if (FILE_NAME.matcher(file.getFileName().toString()).matches()) {
					backups.add(new BackupFile(file.getFileName().toString(), Files.size(file),
							Files.getLastModifiedTime(file).toInstant()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		backups.sort(Comparator.comparing(BackupFile::name).reversed());
		return backups;
	}

	/** The file of a backup named as {@link #list()} names it; nothing outside the backup directory. */
	public Optional<Path> find(String name) {
		if (!FILE_NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = properties.directory().resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	private Manifest write(OutputStream out, Instant now) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			Manifest manifest = write(connection, new ZipOutputStream(out), now);
			connection.commit();
			return manifest;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the database for a backup: " + ex.getMessage(), ex);
		}
	}

	private Manifest write(Connection connection, ZipOutputStream zip, Instant now) throws SQLException, IOException {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		// The first query fixes the transaction's snapshot: everything below reads that one moment.
		List<TableData> tables = new ArrayList<>();
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (String table : tables(jdbc)) {
			List<String> columns = columns(jdbc, table);
			zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
			// A query, not the table: PostgreSQL copies a partitioned table's rows only that way.
			long rows = copy.copyOut("COPY (select " + quoted(columns) + " from " + quote(table) + ") TO STDOUT",
					new KeepOpen(zip));
			zip.closeEntry();
			tables.add(new TableData(table, columns, rows));
		}
		List<Partition> partitions = jdbc.sql("""
				select c.relname, p.relname, pg_get_expr(c.relpartbound, c.oid)
				from pg_class c
				join pg_inherits i on i.inhrelid = c.oid
				join pg_class p on p.oid = i.inhparent
				where c.relispartition and c.relkind in ('r', 'p') and c.relnamespace = cast(current_schema() as regnamespace)
				order by c.relname""")
			.query((rs, row) -> new Partition(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		List<SequenceValue> sequences = jdbc.sql("""
				select sequencename, last_value from pg_sequences
				where schemaname = current_schema() and last_value is not null order by sequencename""")
			.query((rs, row) -> new SequenceValue(rs.getString(1), rs.getLong(2)))
			.list();
		String schemaVersion = jdbc.sql("select version from " + SCHEMA_HISTORY
				+ " where success and version is not null order by installed_rank desc limit 1")
			.query(String.class)
			.single();
		String serverVersion = jdbc.sql("show server_version").query(String.class).single();
		Manifest manifest = new Manifest(FORMAT, now, schemaVersion, serverVersion, tables, partitions, sequences);
		zip.putNextEntry(new ZipEntry("manifest.json"));
		json.writeValue(new KeepOpen(zip), manifest);
		zip.closeEntry();
		zip.finish();
		return manifest;
	}

	/**
	 * Loads a backup into an empty database: migrates the schema to the backup's version, then
	 * copies every table in one transaction (all or nothing) and sets the sequences. Later
	 * migrations run afterwards, at the application's normal start.
	 */
	static void restore(DataSource target, Path backup, List<String> migrationLocations, JsonMapper json) {
		try (ZipFile zip = new ZipFile(backup.toFile())) {
			ZipEntry manifestEntry = zip.getEntry("manifest.json");
			if (manifestEntry == null) {
				throw new IllegalArgumentException(backup + " is not a Riskdesk backup (it has no manifest.json)");
			}
			Manifest manifest;
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest = json.readValue(in, Manifest.class);
			}
			if (!FORMAT.equals(manifest.format())) {
				throw new IllegalArgumentException(backup + " has format " + manifest.format() + ", expected " + FORMAT);
			}
			JdbcClient jdbc = JdbcClient.create(target);
			if (!tables(jdbc).isEmpty()) {
				throw new IllegalStateException("Restore needs an empty database; this one already has tables");
			}
			Flyway.configure()
				.dataSource(target)
				.locations(migrationLocations.toArray(String[]::new))
				.target(manifest.schemaVersion())
				.load()
				.migrate();
			try (Connection connection = target.getConnection()) {
				connection.setAutoCommit(false);
				load(connection, zip, manifest);
				connection.commit();
			}
			log.info("Restored {} (made {}, schema {}): {} tables, {} rows", backup, manifest.createdAt(),
					manifest.schemaVersion(), manifest.tables().size(),
					manifest.tables().stream().mapToLong(TableData::rows).sum());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the backup " + backup, ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not restore " + backup + ": " + ex.getMessage(), ex);
		}
	}

	private static void load(Connection connection, ZipFile zip, Manifest manifest) throws SQLException, IOException {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
		// Rows arrive table by table, so foreign keys (and triggers) wait until all are in.
		jdbc.sql("set local session_replication_role = replica").update();
		for (Partition partition : manifest.partitions()) {
			if (!PARTITION_BOUNDS.matcher(partition.bounds()).matches()) {
				throw new IllegalArgumentException("Partition " + partition.name() + " has bounds that are none: "
						+ partition.bounds());
			}
			jdbc.sql("create table if not exists " + quote(partition.name()) + " partition of " + quote(partition.parent())
					+ " " + partition.bounds())
				.update();
		}
		String tables = manifest.tables().stream().map(table -> quote(table.name())).collect(Collectors.joining(", "));
		jdbc.sql("truncate " + tables).update();
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (TableData table : manifest.tables()) {
			ZipEntry entry = zip.getEntry("tables/" + table.name() + ".copy");
			if (entry == null) {
				throw new IllegalArgumentException("The backup lacks the rows of table " + table.name());
			}
			try (InputStream rows = zip.getInputStream(entry)) {
				long loaded = copy.copyIn("COPY " + quote(table.name()) + " (" + quoted(table.columns()) + ") FROM STDIN",
						rows);
				if (loaded != table.rows()) {
					throw new IllegalArgumentException("Table " + table.name() + " has " + loaded
							+ " rows in the backup, its manifest says " + table.rows());
				}
			}
		}
		for (SequenceValue sequence : manifest.sequences()) {
			jdbc.sql("select setval(cast(:name as regclass), :value)")
				.param("name", quote(sequence.name()))
				.param("value", sequence.lastValue())
				.query(Long.class)
				.single();
		}
	}

	private static List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				select relname from pg_class
				where relnamespace = cast(current_schema() as regnamespace) and relkind in ('r', 'p')
				  and not relispartition and relname <> :history
				order by relname""")
			.param("history", SCHEMA_HISTORY)
			.query(String.class)
			.list();
	}

	private static List<String> columns(JdbcClient jdbc, String table) {
		return jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = :table and is_generated = 'NEVER'
				order by ordinal_position""")
			.param("table", table)
			.query(String.class)
			.list();
	}

	private static String quoted(List<String> names) {
		return names.stream().map(DatabaseBackups::quote).collect(Collectors.joining(", "));
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/** The zip stays open across entries: whoever writes one entry must not close the whole stream. */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
