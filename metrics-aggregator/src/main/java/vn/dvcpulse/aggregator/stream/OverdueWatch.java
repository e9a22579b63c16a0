package vn.dvcpulse.aggregator.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import vn.dvcpulse.aggregator.domain.Counts;
import vn.dvcpulse.contract.JsonSerdes;
import vn.dvcpulse.contract.milestone.ApplicationMilestone;
import vn.dvcpulse.contract.milestone.MilestoneType;

/**
 * Passes every milestone on as its contribution to the counts, and keeps the one figure that changes with the clock
 * rather than with events: applications still in progress after their due time. An application counts as overdue
 * in its period of receipt from the moment its due time passes until it is completed or withdrawn. Milestones are
 * keyed by application, so one instance sees all of an application's milestones.
 * <p>
 * Each application that was received with a due time keeps a small entry for as long as it lives (closed ones too:
 * a late receipt must not reopen an application completed before). Open applications not yet due are also indexed
 * by due time, so the watch finds the newly overdue with one range scan every {@link #SCAN_INTERVAL}.
 */
final class OverdueWatch implements Processor<String, ApplicationMilestone, String, Contribution> {

	static final String APPLICATIONS = "overdue-watch-applications";

	static final String DUE_INDEX = "overdue-watch-due-index";

	/** How often applications that fell due are looked for: an overdue count lags the clock by at most this. */
	static final Duration SCAN_INTERVAL = Duration.ofSeconds(30);

	private ProcessorContext<String, Contribution> context;

	private KeyValueStore<String, Watched> applications;

	private KeyValueStore<String, String> dueIndex;

	static StoreBuilder<KeyValueStore<String, Watched>> applicationsStore() {
		// not cached: each application is seen a few times over days, and its entries would push the counts, which
		// change with every milestone, out of the shared cache
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLICATIONS), Serdes.String(),
				JsonSerdes.of(Watched.class));
	}

	static StoreBuilder<KeyValueStore<String, String>> dueIndexStore() {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE_INDEX), Serdes.String(),
				Serdes.String());
	}

	@Override
	public void init(ProcessorContext<String, Contribution> context) {
		this.context = context;
		this.applications = context.getStateStore(APPLICATIONS);
		this.dueIndex = context.getStateStore(DUE_INDEX);
		context.schedule(SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::findNewlyOverdue);
	}

	@Override
	public void process(Record<String, ApplicationMilestone> record) {
		ApplicationMilestone milestone = record.value();
		this.context.forward(record.withValue(Contribution.of(milestone)));
		MilestoneType type = milestone.type();
		if (type != MilestoneType.RECEIVED && type != MilestoneType.COMPLETED && type != MilestoneType.WITHDRAWN) {
			// nothing else changes whether an application is overdue: not even read (a RocksDB read per milestone
			// was the stream thread's largest native cost)
			return;
		}
		Watched before = this.applications.get(record.key());
		Watched after = (before != null) ? before : Watched.NONE;
		if (type == MilestoneType.RECEIVED) {
			after = after.withReceipt(milestone.isRetraction() ? null : Receipt.of(milestone));
		}
		else {
			after = after.withClosed(!milestone.isRetraction());
		}
		if (before == null && (after.receipt() == null || after.receipt().dueAt() == null)) {
			return; // nothing with a due time to watch
		}
		settle(record.key(), after, record.timestamp());
	}

	private void findNewlyOverdue(long now) {
		try (KeyValueIterator<String, String> due = this.dueIndex.range(DueKey.first(), DueKey.upTo(now))) {
			while (due.hasNext()) {
				KeyValue<String, String> entry = due.next();
				Watched watched = this.applications.get(entry.value);
				if (watched != null) {
					settle(entry.value, watched, now);
				}
				this.dueIndex.delete(entry.key);
			}
		}
	}

	/** Counts or uncounts the application as overdue as it now stands, and keeps it in the index while it is due. */
	private void settle(String application, Watched watched, long timestamp) {
		Instant now = Instant.ofEpochMilli(this.context.currentSystemTimeMs());
		Receipt receipt = watched.receipt();
		boolean open = receipt != null && receipt.dueAt() != null && !watched.closed();
		boolean overdue = open && !receipt.dueAt().isAfter(now);
		Receipt countedUnder = watched.countedUnder();
		if (countedUnder != null && (!overdue || !countedUnder.samePeriodAs(receipt))) {
			this.context.forward(new Record<>(application, countedUnder.contribution(-1), timestamp));
			countedUnder = null;
		}
		if (overdue && countedUnder == null) {
			this.context.forward(new Record<>(application, receipt.contribution(+1), timestamp));
			countedUnder = receipt;
		}
		Instant indexed = (open && !overdue) ? receipt.dueAt() : null;
		if (watched.indexedDueAt() != null && !watched.indexedDueAt().equals(indexed)) {
			this.dueIndex.delete(DueKey.of(watched.indexedDueAt(), application));
		}
		if (indexed != null && !indexed.equals(watched.indexedDueAt())) {
			this.dueIndex.put(DueKey.of(indexed, application), application);
		}
		this.applications.put(application, new Watched(receipt, watched.closed(), countedUnder, indexed));
	}

	/**
	 * Index keys sort by due time: {@code 0001735689600000|01/A-1}. Built by hand, not with {@code String.format}:
	 * one is built for most milestones, and formatting was 4 % of the stream thread's time.
	 */
	static final class DueKey {

		/** Epoch milliseconds fit 16 digits until the year 318857. */
		private static final int DIGITS = 16;

		private DueKey() {
		}

		static String of(Instant dueAt, String application) {
			return padded(Math.max(0, dueAt.toEpochMilli())) + "|" + application;
		}

		static String first() {
			return padded(0) + "|";
		}

		static String upTo(long epochMillis) {
			return padded(epochMillis) + "|~";
		}

		private static String padded(long epochMillis) {
			String digits = Long.toString(epochMillis);
			return "0".repeat(Math.max(0, DIGITS - digits.length())) + digits;
		}

	}

	/** Where an application counts and when it falls due. */
	record Receipt(String localityCode, String serviceCode, LocalDate receiptDay, Instant dueAt) {

		static Receipt of(ApplicationMilestone receipt) {
			return new Receipt(receipt.localityCode(), receipt.serviceCode(), receipt.receiptDay(), receipt.dueAt());
		}

		boolean samePeriodAs(Receipt other) {
			return other != null && this.localityCode.equals(other.localityCode)
					&& this.serviceCode.equals(other.serviceCode) && this.receiptDay.equals(other.receiptDay);
		}

		Contribution contribution(int change) {
			return new Contribution(this.localityCode, this.serviceCode, this.receiptDay, Counts.overdue(change));
		}

	}

	/**
	 * @param receipt       the standing receipt, if any
	 * @param closed        completed or withdrawn
	 * @param countedUnder  the receipt under which the application is counted overdue now, if it is
	 * @param indexedDueAt  the due time it is indexed under, while it is open and not yet due
	 */
	record Watched(Receipt receipt, boolean closed, Receipt countedUnder, Instant indexedDueAt) {

		static final Watched NONE = new Watched(null, false, null, null);

		Watched withReceipt(Receipt receipt) {
			return new Watched(receipt, this.closed, this.countedUnder, this.indexedDueAt);
		}

		Watched withClosed(boolean closed) {
			return new Watched(this.receipt, closed, this.countedUnder, this.indexedDueAt);
		}

	}

}
