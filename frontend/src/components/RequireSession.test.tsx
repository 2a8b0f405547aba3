import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "react-router";

import { renderWithApp } from "../test/render";
import { RequireSession, safeNextPath } from "./RequireSession";

function WhereAmI() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

const routes = (
  <Routes>
    <Route element={<RequireSession />}>
      <Route path="/todos/:id/" element={<p>the to-do</p>} />
    </Route>
    <Route path="/login/" element={<WhereAmI />} />
  </Routes>
);

describe("RequireSession", () => {
  it("sends someone logged out to log in, remembering where they were", () => {
    renderWithApp(routes, { path: "/todos/5/?x=1", session: null });
    expect(screen.getByText("at /login/?next=%2Ftodos%2F5%2F%3Fx%3D1")).toBeInTheDocument();
  });

  it("shows the page to someone logged in", () => {
    renderWithApp(routes, { path: "/todos/5/", session: { memberId: 1 } });
    expect(screen.getByText("the to-do")).toBeInTheDocument();
  });
});

describe("safeNextPath", () => {
  it("only goes to paths of this site", () => {
    expect(safeNextPath("/todos/5/")).toBe("/todos/5/");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("https://evil.example/")).toBe("/");
    expect(safeNextPath("//evil.example/")).toBe("/");
    expect(safeNextPath("/\\evil.example/")).toBe("/");
  });
});
