import { z } from "zod";
import { cancelOrder, orderWithTimeline } from "../../orders/order-service";
import { isCancellable } from "../../orders/order";
import { parseBody, queryParam, route } from "../api-handler";
import { AppError, NotFoundError } from "../errors";
import { customerIdFrom } from "../session";

export default route({
  async GET(req, res) {
    const id = queryParam(req, "id");
    if (!id) throw new AppError("missing_id", "pass the order id as ?id=");
    const found = await orderWithTimeline(id);
    const customerId = customerIdFrom(req);
    // guests reach their order through the signed link in the confirmation email, handled by the page
    if (!found || (found.order.customerId && found.order.customerId !== customerId)) {
      throw new NotFoundError("order");
    }
    res.status(200).json({ ...found, cancellable: isCancellable(found.order) });
  },

  async POST(req, res) {
    const { id, action } = parseBody(z.object({ id: z.string().uuid(), action: z.literal("cancel") }), req);
    const found = await orderWithTimeline(id);
    if (!found || found.order.customerId !== customerIdFrom(req)) {
      throw new NotFoundError("order");
    }
    if (action === "cancel") {
      if (!isCancellable(found.order)) {
        throw new AppError("not_cancellable", "This order has already left the warehouse.", 409);
      }
      const order = await cancelOrder(id, "customer");
      res.status(200).json({ order });
    }
  },
});
