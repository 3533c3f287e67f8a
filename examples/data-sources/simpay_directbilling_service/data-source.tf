data "simpay_directbilling_service" "game_shop" {
  id = "d151e4f9"
}

output "directbilling_report_title" {
  value = data.simpay_directbilling_service.game_shop.suffix
}
