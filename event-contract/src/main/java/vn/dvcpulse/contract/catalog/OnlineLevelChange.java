package vn.dvcpulse.contract.catalog;

import java.time.LocalDate;

/**
 * A service's online level from a day on.
 *
 * @param level         the level
 * @param effectiveFrom the first day it holds; {@code null} when the sources give the level but not since when, in
 *                      which case it holds for all time before the next change
 */
public record OnlineLevelChange(ServiceOnlineLevel level, LocalDate effectiveFrom) {

}
