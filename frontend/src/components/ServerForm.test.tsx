import { fireEvent, screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { ApiError, NetworkError } from "../api/client";
import { errorMessages } from "../api/messages";
import { useServerForm, type ServerErrorPlaces } from "../hooks/useServerForm";
import { renderWithApp } from "../test/render";
import { FormTextField } from "./FormTextField";
import { ServerForm } from "./ServerForm";

const addressSchema = z.object({
  name: z.string().min(1, "Enter a name."),
  city: z.string().min(1, "Enter a city."),
});

type Address = z.infer<typeof addressSchema>;

/** The smallest form built from the shared pieces, as every form of the app is. */
function AddressForm({
  onSubmit,
  ...errorPlaces
}: { onSubmit: (values: Address) => Promise<void> } & ServerErrorPlaces<Address>) {
  const form = useServerForm({
    schema: addressSchema,
    defaultValues: { name: "", city: "" },
    onSubmit,
    ...errorPlaces,
  });
  return (
    <ServerForm form={form} submitLabel="Send">
      <FormTextField control={form.control} name="name" label="Name" />
      <FormTextField control={form.control} name="city" label="City" />
    </ServerForm>
  );
}

/** An answer from the server that the test gives when it chooses. */
function pendingAnswer() {
  let answer: () => void = () => undefined;
  const onSubmit = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        answer = resolve;
      }),
  );
  return {
    onSubmit,
    answer: () => {
      answer();
    },
  };
}

async function fillIn(name: string, city: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Name"), name);
  await user.type(screen.getByLabelText("City"), city);
  return user;
}

function theForm(): HTMLFormElement {
  const form = screen.getByRole("button", { name: /Send/ }).closest("form");
  if (form === null) {
    throw new Error("the button is outside a form");
  }
  return form;
}

describe("a form built with useServerForm and ServerForm", () => {
  it("shows progress and sends once however often it is sent while the server answers", async () => {
    const { onSubmit, answer } = pendingAnswer();
    renderWithApp(<AddressForm onSubmit={onSubmit} />);

    const user = await fillIn("Ada", "London");
    const button = screen.getByRole("button", { name: /Send/ });
    await user.click(button);
    expect(button).toBeDisabled();
    expect(within(button).getByRole("progressbar")).toBeInTheDocument();
    await userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }).click(button);
    await user.type(screen.getByLabelText("City"), "{Enter}");
    fireEvent.submit(theForm());
    expect(onSubmit).toHaveBeenCalledTimes(1);

    answer();
    await vi.waitFor(() => {
      expect(button).toBeEnabled();
    });
    await user.click(button);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it("sends once when a second submit comes before the button can turn busy", async () => {
    const { onSubmit, answer } = pendingAnswer();
    renderWithApp(<AddressForm onSubmit={onSubmit} />);
    await fillIn("Ada", "London");

    fireEvent.submit(theForm());
    fireEvent.submit(theForm());
    await vi.waitFor(() => {
      expect(onSubmit).toHaveBeenCalled();
    });
    answer();

    await vi.waitFor(() => {
      expect(screen.getByRole("button", { name: /Send/ })).toBeEnabled();
    });
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("keeps what was typed and says why when the server refuses, then sends again", async () => {
    const onSubmit = vi
      .fn<(values: Address) => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(500, "INTERNAL_SERVER_ERROR"))
      .mockResolvedValueOnce(undefined);
    renderWithApp(<AddressForm onSubmit={onSubmit} />);

    const user = await fillIn("Ada", "London");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(errorMessages.INTERNAL_SERVER_ERROR);
    expect(screen.getByLabelText("Name")).toHaveValue("Ada");
    expect(screen.getByLabelText("City")).toHaveValue("London");

    await user.click(screen.getByRole("button", { name: "Send" }));
    await vi.waitFor(() => {
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    });
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(onSubmit).toHaveBeenLastCalledWith({ name: "Ada", city: "London" });
  });

  it.each(
    Object.keys(errorMessages).filter((code) => !["NETWORK_ERROR", "UNKNOWN"].includes(code)),
  )("says in words what the server's %s means", async (code) => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(400, code)));
    renderWithApp(<AddressForm onSubmit={onSubmit} />);

    const user = await fillIn("Ada", "London");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/^[A-Z].*\.$/);
    expect(alert).not.toHaveTextContent(errorMessages.UNKNOWN);
  });

  it("says the server cannot be reached when the network fails", async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(new NetworkError(new TypeError("Failed to fetch"))),
    );
    renderWithApp(<AddressForm onSubmit={onSubmit} />);

    const user = await fillIn("Ada", "London");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(errorMessages.NETWORK_ERROR);
  });

  it("puts a refusal about one field under that field and moves the focus there", async () => {
    const onSubmit = vi.fn(() => Promise.reject(new ApiError(422, "UNPROCESSABLE_ENTITY")));
    renderWithApp(
      <AddressForm
        onSubmit={onSubmit}
        fields={{ UNPROCESSABLE_ENTITY: "city" }}
        messages={{ UNPROCESSABLE_ENTITY: "We do not deliver there yet." }}
      />,
    );

    const user = await fillIn("Ada", "Atlantis");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const city = screen.getByLabelText("City");
    expect(await screen.findByText("We do not deliver there yet.")).toBeInTheDocument();
    expect(city).toHaveAttribute("aria-invalid", "true");
    expect(city).toHaveFocus();
    expect(city).toHaveValue("Atlantis");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("moves the focus to the first field it refuses, and sends nothing", async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderWithApp(<AddressForm onSubmit={onSubmit} />);
    expect(theForm()).toHaveAttribute("novalidate");

    await userEvent.setup().click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByText("Enter a name.")).toBeInTheDocument();
    expect(screen.getByText("Enter a city.")).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveFocus();
    expect(screen.getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
