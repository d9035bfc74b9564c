package io.riskdesk.signal.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.riskdesk.signal.TelemetryTooLarge;

/** Counts the bytes of a body as they are read, and stops at the limit: a too large body is never read to its end. */
final class SizeLimit extends FilterInputStream {

	private final long max;

	private long count;

	SizeLimit(InputStream in, long max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		counted(skipped);
		return skipped;
	}

	private void counted(long n) {
		count += n;
		if (count > max) {
			throw new TelemetryTooLarge(max);
		}
	}

}
