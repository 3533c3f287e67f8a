# A refund is imported by <service_id>/<transaction_id>/<refund_id>.
terraform import simpay_payment_refund.order_1001_keyboard d151e4f9/528bd43f-d08a-43f5-9462-861e54db37bf/019483a5-885e-70f7-9b5b-94387a6690da
