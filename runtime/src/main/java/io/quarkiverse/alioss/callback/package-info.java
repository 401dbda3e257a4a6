/**
 * OSS upload callbacks: receiving them ({@link io.quarkiverse.alioss.callback.OssCallback} methods, or
 * {@link io.quarkiverse.alioss.callback.OssCallbackVerifier} in any other receiver) and asking for them on upload
 * ({@link io.quarkiverse.alioss.callback.OssCallbackSpec}).
 * <p>
 * <b>The OSS signature is not an authorisation.</b> The OSS callback key is shared by all OSS customers, so anyone
 * with an OSS account can have OSS send a correctly signed callback, with a body of their choosing, to any URL. A valid
 * signature proves only that some OSS upload triggered the request, not that this application asked for it or that
 * any body value (bucket, object, size, {@code x:} variables) is true. {@code @OssCallback} routes bind each callback
 * to the upload this application prepared with their callback token; code that verifies by hand must do the same with
 * something it controls, as below.
 * <p>
 * Verifying in an existing JAX-RS resource, without {@code @OssCallback}:
 *
 * <pre>{@code
 * &#64;POST
 * &#64;Path("/oss/callback")
 * public Response callback(@Context HttpServerRequest request, byte[] body) {
 *     try {
 *         OssCallbackVerifier.ossDefault().verify(request.uri(), request.getHeader("authorization"),
 *                 request.getHeader("x-oss-pub-key-url"), body);
 *     } catch (OssCallbackVerificationException e) {
 *         return Response.status(403).entity("{\"reason\":\"" + e.reason() + "\"}").build();
 *     }
 *     // Signed by OSS, but for anyone's upload: accept it only with a token this application issued for the upload.
 *     if (!pendingUploads.consume(request.getParam("upload-token"))) {
 *         return Response.status(403).build();
 *     }
 *     ...
 * }
 * }</pre>
 *
 * {@code request.uri()} must be the raw path and query as received (not decoded, not re-encoded): OSS signs the decoded
 * path and the raw query. {@code verify} may block while a trusted key is fetched for the first time; on a Vert.x event
 * loop call {@code verifyAsync} instead.
 */
package io.quarkiverse.alioss.callback;
