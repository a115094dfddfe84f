/**
 * `npm start` without Jupyter (or `npm start -- --browser`): the lesson's pages with the page runner,
 * built from the notebooks as committed (nothing is executed here; the learner runs the cells in the
 * page), served on 127.0.0.1 only. Node alone is enough.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { buildSite, listNotebooks } from "./build-site";
import { ROOT } from "../paths";

export const BROWSER_SITE = path.join(ROOT, "build", "site-browser");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".png": "image/png", ".svg": "image/svg+xml",
};

/** A static server for `dir` on 127.0.0.1; resolves with the server once it listens. */
export function serve(dir: string, port: number): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, "." + (rel.endsWith("/") ? rel + "index.html" : rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("없는 파일입니다 / not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** Build the runnable pages and serve them; prints the address. */
export async function startBrowser(port: number, why: string): Promise<http.Server> {
  console.log(why);
  await buildSite({ out: BROWSER_SITE, notebooks: listNotebooks(), execDir: "", unexecuted: true, log: () => undefined });
  let server: http.Server;
  try {
    server = await serve(BROWSER_SITE, port);
  } catch {
    server = await serve(BROWSER_SITE, 0); // the port is taken: any free one
  }
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/index.html`;
  console.log(`수업 페이지: ${url}  (브라우저로 여세요 / open it in a browser; 끝내려면 Ctrl+C / Ctrl+C to stop)`);
  console.log(`인터넷 없이 파일로 열어도 됩니다 / or open the file directly: ${path.join(BROWSER_SITE, "index.html")}`);
  return server;
}
