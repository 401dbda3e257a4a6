package io.quarkiverse.alioss.model;

import java.util.List;
import java.util.Optional;

/**
 * One page of ListObjectsV2.
 *
 * @param objects the objects of this page
 * @param commonPrefixes the "folders" when a delimiter was given
 * @param truncated whether more pages follow
 * @param nextContinuationToken the token for the next page when truncated
 */
public record ListObjectsPage(List<ObjectSummary> objects, List<String> commonPrefixes, boolean truncated,
        Optional<String> nextContinuationToken) {
}
