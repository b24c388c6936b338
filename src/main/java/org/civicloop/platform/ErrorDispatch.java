package org.civicloop.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the whole application (web.xml): errors of the REST API (requests under /api/ that the
 * container refused before the API saw them, such as an encoded "/" in a path) answer problem details like every
 * other API error; everything else gets the page for its status (400: the "page had expired" page, else the error
 * page).
 */
@WebServlet(urlPatterns = "/error-dispatch")
public class ErrorDispatch extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String api = request.getContextPath() + "/api/";
        if (uri instanceof String u && u.startsWith(api)) {
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            String title = switch (status) {
                case 400 -> "Bad Request";
                case 404 -> "Not Found";
                default -> status >= 500 ? "Internal Server Error" : "Error";
            };
            String detail = switch (status) {
                case 400 -> "The request could not be understood (for instance an encoded '/' in the path).";
                case 404 -> "There is nothing here.";
                default -> status >= 500 ? "Something went wrong on our side." : "The request could not be processed.";
            };
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
            return;
        }
        request.getRequestDispatcher(status == 400 ? "/expired.xhtml" : "/error.xhtml").forward(request, response);
    }
}
