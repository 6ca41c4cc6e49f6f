'use strict';

const CARRIER_TRACKING_URLS = {
  dhl: (n) => `https://www.dhl.com/de-en/home/tracking.html?tracking-id=${n}`,
  dpd: (n) => `https://tracking.dpd.de/status/en_US/parcel/${n}`,
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  royalmail: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
};

function orderLines(items) {
  return (items || []).map((item) => ({
    name: item.name,
    quantity: item.quantity,
    amountMinor: item.unitPriceMinor * item.quantity,
  }));
}

function orderContext(message, prefs, storefrontUrl) {
  const { data } = message;
  const base = {
    firstName: prefs.firstName,
    orderNumber: data.orderNumber,
    orderUrl: `${storefrontUrl}/account/orders/${encodeURIComponent(data.orderNumber)}`,
    currency: data.currency,
  };
  switch (message.type) {
    case 'order.confirmed':
      return {
        ...base,
        lines: orderLines(data.items),
        totalMinor: data.totalMinor,
        shippingMinor: data.shippingMinor || 0,
        estimatedDelivery: data.estimatedDelivery,
      };
    case 'order.shipped': {
      const carrier = (data.carrier || '').toLowerCase();
      const trackingUrl = CARRIER_TRACKING_URLS[carrier] ? CARRIER_TRACKING_URLS[carrier](data.trackingNumber) : null;
      return {
        ...base,
        carrierName: data.carrierName || data.carrier,
        trackingNumber: data.trackingNumber,
        trackingUrl,
        lines: orderLines(data.items),
        partial: Boolean(data.partial),
      };
    }
    case 'order.delivered':
      return { ...base, deliveredAt: data.deliveredAt, reviewUrl: `${base.orderUrl}/review` };
    default:
      throw new Error(`not an order message: ${message.type}`);
  }
}

module.exports = { orderContext, orderLines, CARRIER_TRACKING_URLS };
