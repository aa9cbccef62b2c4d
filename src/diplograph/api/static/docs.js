// The API documentation: Swagger UI (shipped with the package) over this service's OpenAPI description.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
