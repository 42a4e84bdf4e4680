// The merged document, with this gateway as the first server so that "Try it out" calls the gateway that serves
// the page (the public URL in production; the local run's port on a laptop).
window.addEventListener("load", async () => {
  const answer = await fetch("/api/v1/openapi.json", { headers: { Accept: "application/json" } });
  const spec = await answer.json();
  const here = window.location.origin + "/api/v1";
  spec.servers = [{ url: here, description: "This gateway" }].concat(
    (spec.servers || []).filter((server) => server.url !== here));
  window.ui = SwaggerUIBundle({
    spec,
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 1,
    showCommonExtensions: true,
    validatorUrl: null,
  });
});
