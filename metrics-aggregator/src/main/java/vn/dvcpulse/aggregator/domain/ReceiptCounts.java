package vn.dvcpulse.aggregator.domain;

import vn.dvcpulse.contract.event.Channel;

/**
 * How many applications were received, by channel.
 *
 * @param online   received online
 * @param inPerson received at a one-stop desk
 * @param postal   received by post
 */
public record ReceiptCounts(long online, long inPerson, long postal) {

	public static ReceiptCounts none() {
		return new ReceiptCounts(0, 0, 0);
	}

	public ReceiptCounts plus(Channel channel) {
		return switch (channel) {
			case ONLINE -> new ReceiptCounts(this.online + 1, this.inPerson, this.postal);
			case IN_PERSON -> new ReceiptCounts(this.online, this.inPerson + 1, this.postal);
			case POSTAL -> new ReceiptCounts(this.online, this.inPerson, this.postal + 1);
		};
	}

	public long received() {
		return this.online + this.inPerson + this.postal;
	}

	public OnlineSubmissionRate onlineRate() {
		return new OnlineSubmissionRate(this.online, received());
	}

}
