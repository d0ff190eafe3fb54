// The API documentation, from the local Swagger UI bundle: no CDN, no validator badge.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis], layout: "BaseLayout",
  });
});
