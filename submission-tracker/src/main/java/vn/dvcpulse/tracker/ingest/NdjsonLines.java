package vn.dvcpulse.tracker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream as bytes, each at most {@code limit} bytes: a longer line is skipped to its end
 * without being kept, so any stream, however its lines are cut, is read in the same memory.
 */
final class NdjsonLines {

	/** One line: its number (from 1), and its bytes without the line end, or {@code null} when it was too long. */
	record Line(long number, byte[] bytes, long length) {

		boolean tooLong() {
			return this.bytes == null;
		}

		boolean isBlank() {
			if (this.bytes == null) {
				return false;
			}
			for (byte b : this.bytes) {
				if (b != ' ' && b != '\t' && b != '\r') {
					return false;
				}
			}
			return true;
		}

	}

	private final InputStream in;

	private final int limit;

	private final byte[] buffer = new byte[8192];

	private int position;

	private int end;

	private long number;

	NdjsonLines(InputStream in, int limit) {
		this.in = in;
		this.limit = limit;
	}

	/** The next line, or {@code null} at the end of the stream. */
	Line next() throws IOException {
		byte[] line = new byte[Math.min(this.limit, 1024)];
		int kept = 0;
		long length = 0;
		boolean any = false;
		while (true) {
			if (this.position == this.end) {
				this.end = this.in.read(this.buffer);
				this.position = 0;
				if (this.end <= 0) {
					this.end = 0;
					if (!any) {
						return null;
					}
					break;
				}
			}
			any = true;
			int from = this.position;
			int newline = from;
			while (newline < this.end && this.buffer[newline] != '\n') {
				newline++;
			}
			int count = newline - from;
			if (length + count <= this.limit) {
				if (kept + count > line.length) {
					line = Arrays.copyOf(line, (int) Math.min(this.limit, Math.max(line.length * 2L, kept + count)));
				}
				System.arraycopy(this.buffer, from, line, kept, count);
				kept += count;
			}
			length += count;
			this.position = newline;
			if (newline < this.end) {
				this.position++;
				break;
			}
		}
		this.number++;
		return new Line(this.number, (length <= this.limit) ? Arrays.copyOf(line, kept) : null, length);
	}

}
