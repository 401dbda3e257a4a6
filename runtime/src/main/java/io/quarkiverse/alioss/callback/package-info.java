/**
 * OSS upload callbacks: receiving them ({@link io.quarkiverse.alioss.callback.OssCallback} methods, or
 * {@link io.quarkiverse.alioss.callback.OssCallbackVerifier} in any other receiver) and asking for them on upload
 * ({@link io.quarkiverse.alioss.callback.OssCallbackSpec}).
 * <p>
 * Verifying in an existing JAX-RS resource, without {@code @OssCallback}:
 *
 * <pre>{@code
 * @POST
 * @Path("/oss/callback")
 * public Response callback(@Context HttpServerRequest request, byte[] body) {
 *     try {
 *         OssCallbackVerifier.ossDefault().verify(request.uri(), request.getHeader("authorization"),
 *                 request.getHeader("x-oss-pub-key-url"), body);
 *     } catch (OssCallbackVerificationException e) {
 *         return Response.status(403).entity("{\"reason\":\"" + e.reason() + "\"}").build();
 *     }
 *     ...
 * }
 * }</pre>
 *
 * {@code request.uri()} must be the raw path and query as received (not decoded, not re-encoded): OSS signs the decoded
 * path and the raw query.
 */
package io.quarkiverse.alioss.callback;
