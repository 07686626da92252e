package org.arbiter.server;

import org.arbiter.model.Judgment;

/**
 * A judgment version as a push delivered it: the validated judgment and the JSON text it came as. The text
 * is stored as it is, so the server does not spend a serialization per version; "same content" is still
 * decided on the judgment, not on the spelling (see {@link ServerStore#push}).
 */
public record ReceivedJudgment(Judgment judgment, String body) {
}
